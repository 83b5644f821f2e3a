import { z } from 'zod';

/**
 * zod schemas for Postman collection files (schema v2.0.0 and v2.1.0) and environment files.
 * They are lenient where Postman itself is: a URL, a header list, a request or a description may
 * be a plain string, and v2.0's map-shaped auth is read as well as v2.1's list. The short forms are
 * turned into the long ones before validation, so an error still points at the exact JSON path.
 */

const descriptionSchema = z.preprocess(
  (value) => (typeof value === 'object' && value !== null && 'content' in value ? (value as { content: unknown }).content : value),
  z.string().nullable().optional(),
);

const keyValueSchema = z.object({
  key: z.string().nullable().optional(),
  value: z.unknown().optional(),
  disabled: z.boolean().optional(),
  description: descriptionSchema,
});

/** `url.variable` entries; v2.0 files may name them with `id` instead of `key`. */
const urlVariableSchema = keyValueSchema.extend({ id: z.string().optional(), type: z.string().optional() });

const urlObjectSchema = z.object({
  raw: z.string().optional(),
  protocol: z.string().optional(),
  host: z.union([z.string(), z.array(z.string())]).optional(),
  port: z.string().optional(),
  path: z.union([z.string(), z.array(z.union([z.string(), z.object({ value: z.string().nullable().optional() })]))]).optional(),
  query: z.array(keyValueSchema).nullable().optional(),
  variable: z.array(urlVariableSchema).optional(),
});

const urlSchema = z.preprocess((value) => (typeof value === 'string' ? { raw: value } : value), urlObjectSchema);

/** A header list may be one string of "Key: value" lines. */
const headerListSchema = z.preprocess(
  (value) => (typeof value === 'string' ? parseHeaderLines(value) : value),
  z.array(keyValueSchema.extend({ key: z.string() })),
);

/** Loose, so that the content of the other body modes (formdata, urlencoded, file, graphql) stays readable. */
const bodySchema = z.looseObject({
  mode: z.string().optional(),
  raw: z.string().optional(),
  disabled: z.boolean().optional(),
  options: z.object({ raw: z.object({ language: z.string().optional() }).optional() }).optional(),
});

/** v2.1 lists an auth's fields as `[{key, value}]`; v2.0 as an object `{key: value}`. Both are read into the list. */
const authFieldsSchema = z.union([
  z.array(z.object({ key: z.string(), value: z.unknown().optional() })),
  z.record(z.string(), z.unknown()),
]);

export const postmanAuthSchema = z.looseObject({ type: z.string() }).nullable();
export type PostmanAuth = z.infer<typeof postmanAuthSchema>;

export { authFieldsSchema };

const eventSchema = z.object({
  listen: z.string(),
  disabled: z.boolean().optional(),
  script: z
    .object({
      exec: z.union([z.string(), z.array(z.string().nullable())]).nullable().optional(),
      type: z.string().optional(),
    })
    .optional(),
});

const requestObjectSchema = z.object({
  url: urlSchema.optional(),
  method: z.string().optional(),
  header: headerListSchema.optional(),
  body: bodySchema.nullable().optional(),
  auth: postmanAuthSchema.optional(),
  description: descriptionSchema,
});

const requestSchema = z.preprocess((value) => (typeof value === 'string' ? { url: value, method: 'GET' } : value), requestObjectSchema);

export interface PostmanItem {
  id?: string | undefined;
  _postman_id?: string | undefined;
  name?: string | null | undefined;
  description?: string | null | undefined;
  request?: z.infer<typeof requestObjectSchema> | undefined;
  item?: PostmanItem[] | undefined;
  auth?: PostmanAuth | undefined;
  event?: Array<z.infer<typeof eventSchema>> | undefined;
}

/** An item is a request (it has `request`) or a folder (it has `item`); one of the two must be there. */
export const postmanItemSchema: z.ZodType<PostmanItem> = z
  .object({
    id: z.string().optional(),
    _postman_id: z.string().optional(),
    name: z.string().nullable().optional(),
    description: descriptionSchema,
    request: requestSchema.optional(),
    get item() {
      return z.array(postmanItemSchema).optional();
    },
    auth: postmanAuthSchema.optional(),
    event: z.array(eventSchema).nullable().optional(),
  })
  .superRefine((item, context) => {
    if (item.request === undefined && item.item === undefined) {
      context.addIssue({ code: 'custom', path: ['request'], message: 'missing (every item needs a request, or an item list for a folder)' });
    }
  }) as z.ZodType<PostmanItem>;

export const postmanCollectionSchema = z.object({
  info: z.object({
    _postman_id: z.string().optional(),
    name: z.string(),
    schema: z.string(),
    description: descriptionSchema,
  }),
  item: z.array(postmanItemSchema),
  auth: postmanAuthSchema.optional(),
  event: z.array(eventSchema).nullable().optional(),
  variable: z.array(urlVariableSchema).nullable().optional(),
});
export type PostmanCollection = z.infer<typeof postmanCollectionSchema>;

export const postmanEnvironmentSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  values: z.array(
    z.object({
      key: z.string(),
      value: z.unknown().optional(),
      enabled: z.boolean().optional(),
      type: z.string().optional(),
    }),
  ),
});
export type PostmanEnvironment = z.infer<typeof postmanEnvironmentSchema>;

function parseHeaderLines(text: string): Array<{ key: string; value: string }> {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon === -1 ? { key: line.trim(), value: '' } : { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    });
}

/** Formats a zod path as JSON-path-like text: ["item", 2, "request"] becomes "item[2].request". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      text += text === '' ? String(segment) : `.${String(segment)}`;
    }
  }

  return text;
}

/** Describes the first issue of a failed parse as "path: problem", naming what was found. */
export function describeFirstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0]!;
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    if (received === undefined) {
      return { path, message: 'missing' };
    }
    return { path, message: `must be ${article(issue.expected)}; got ${describeValue(received)}` };
  }
  if (issue.code === 'invalid_union') {
    return { path, message: `has an unexpected shape; got ${describeValue((issue as { input?: unknown }).input)}` };
  }

  return { path, message: issue.message };
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  const text = JSON.stringify(value) ?? String(value);

  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
