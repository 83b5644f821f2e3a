import { sanitizeAuth } from './auth.ts';
import type {
  AuthParam,
  AuthSpec,
  CollectionFolder,
  CollectionModel,
  CollectionNode,
  CollectionRequest,
  KeyValueRow,
  PathVariable,
  RequestBody,
  Script,
} from './model.ts';
import { isSecretVariableKey } from '../api.ts';
import {
  authFieldsSchema,
  describeFirstIssue,
  postmanCollectionSchema,
  type PostmanAuth,
  type PostmanCollection,
  type PostmanItem,
} from './schema.ts';
import { describeScripts } from './script-note.ts';

/**
 * Reads a Postman collection file (schema v2.0 or v2.1) into the workbench's collection model.
 * Every problem that stops the import is a PostmanImportError naming the JSON path. Problems that
 * do not stop it, such as a dropped literal credential or an unsupported body, come back as warnings.
 */

/** The schema URL written into exported collections. */
export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const SUPPORTED_SCHEMA = /^https?:\/\/schema\.(?:get)?postman\.com\/json\/collection\/v(2\.[01])\.\d+\/(?:collection\.json)?$/;

/** Largest number of items (requests and folders) in one collection. */
export const MAX_COLLECTION_ITEMS = 5000;

/** Deepest folder nesting accepted. */
const MAX_DEPTH = 16;

export class PostmanImportError extends Error {
  constructor(
    message: string,
    /** JSON path of the offending part, such as "item[2].item[0].request"; empty for the whole file. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'PostmanImportError';
  }
}

export interface NormalizedCollection {
  model: CollectionModel;
  warnings: string[];
}

/** Parses the text of a collection file. */
export function parseCollectionText(text: string, fileName: string): NormalizedCollection {
  return normalizeCollection(parseJsonText(text, fileName), fileName);
}

/** Parses JSON text, with an error that names where the text stops being JSON. */
export function parseJsonText(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PostmanImportError(
      `${fileName} is not valid JSON: ${(error as Error).message} (export the file again from Postman; it may be truncated)`,
      '',
    );
  }
}

export function normalizeCollection(json: unknown, fileName: string): NormalizedCollection {
  checkCollectionShape(json, fileName);

  const parsed = postmanCollectionSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const { path, message } = describeFirstIssue(parsed.error);
    throw new PostmanImportError(`${fileName} is not a valid Postman collection: ${path}: ${message}`, path);
  }
  const collection: PostmanCollection = parsed.data;
  const context: NormalizeContext = { warnings: [], itemCount: 0, fileName };

  const auth = readAuth(collection.auth, 'auth', context);
  const scripts = readScripts(collection.event);
  const model: CollectionModel = {
    postmanId: collection.info._postman_id ?? null,
    name: collection.info.name.trim() === '' ? fileName : collection.info.name,
    description: collection.info.description ?? '',
    auth,
    scripts,
    scriptNote: describeScripts(scripts, 'collection'),
    variables: readVariables(collection.variable ?? [], context),
    items: readItems(collection.item, '', 'item', 0, context),
  };

  return { model, warnings: context.warnings };
}

interface NormalizeContext {
  warnings: string[];
  itemCount: number;
  fileName: string;
}

/** Rejects JSON files that are not a v2 collection, with a message that names what they are instead. */
function checkCollectionShape(json: unknown, fileName: string): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PostmanImportError(`${fileName} is not a Postman collection: the file must contain a JSON object`, '');
  }
  const record = json as Record<string, unknown>;
  if (!('info' in record) && Array.isArray(record.requests)) {
    throw new PostmanImportError(
      `${fileName} is a Postman collection v1 file, which is not supported (open it in Postman and export it as Collection v2.1)`,
      '',
    );
  }
  if (!('info' in record) && Array.isArray(record.values)) {
    throw new PostmanImportError(`${fileName} is a Postman environment, not a collection (import it as an environment)`, '');
  }
  const info = record.info as Record<string, unknown> | undefined;
  if (typeof info !== 'object' || info === null || !('item' in record)) {
    throw new PostmanImportError(
      `${fileName} is not a Postman collection: it needs "info" and "item" (export it from Postman with Export → Collection v2.1)`,
      typeof info !== 'object' || info === null ? 'info' : 'item',
    );
  }
  const schema = info.schema;
  if (typeof schema !== 'string') {
    throw new PostmanImportError(`${fileName} is not a Postman collection: info.schema is missing`, 'info.schema');
  }
  if (!SUPPORTED_SCHEMA.test(schema)) {
    throw new PostmanImportError(
      `${fileName} uses an unsupported schema version: info.schema is ${JSON.stringify(schema)}; supported are v2.0.0 and v2.1.0 (export it from Postman as Collection v2.1)`,
      'info.schema',
    );
  }
}

function readItems(items: PostmanItem[], idPrefix: string, path: string, depth: number, context: NormalizeContext): CollectionNode[] {
  if (depth > MAX_DEPTH) {
    throw new PostmanImportError(`${context.fileName}: ${path} nests folders more than ${MAX_DEPTH} levels deep (flatten the collection)`, path);
  }

  return items.map((item, index) => {
    context.itemCount += 1;
    if (context.itemCount > MAX_COLLECTION_ITEMS) {
      throw new PostmanImportError(
        `${context.fileName} has more than ${MAX_COLLECTION_ITEMS} items (split the collection)`,
        `${path}[${index}]`,
      );
    }
    const id = idPrefix === '' ? String(index) : `${idPrefix}.${index}`;
    const itemPath = `${path}[${index}]`;

    return item.item !== undefined ? readFolder(item, id, itemPath, depth, context) : readRequest(item, id, itemPath, context);
  });
}

function readFolder(item: PostmanItem, id: string, path: string, depth: number, context: NormalizeContext): CollectionFolder {
  const scripts = readScripts(item.event);

  return {
    kind: 'folder',
    id,
    postmanId: item.id ?? item._postman_id ?? null,
    name: item.name ?? '',
    description: item.description ?? '',
    auth: readAuth(item.auth, `${path}.auth`, context),
    scripts,
    scriptNote: describeScripts(scripts, 'folder'),
    items: readItems(item.item ?? [], id, `${path}.item`, depth + 1, context),
  };
}

function readRequest(item: PostmanItem, id: string, path: string, context: NormalizeContext): CollectionRequest {
  const request = item.request!;
  const scripts = readScripts(item.event);
  const url = request.url ?? { raw: '' };
  const raw = url.raw ?? buildRawUrl(url);

  return {
    kind: 'request',
    id,
    postmanId: item.id ?? item._postman_id ?? null,
    name: item.name ?? '',
    description: request.description ?? item.description ?? '',
    method: (request.method ?? 'GET').toUpperCase(),
    url: {
      raw,
      pathVariables: readPathVariables(raw, url.variable ?? []),
      query: url.query === undefined || url.query === null ? parseQueryRows(raw) : url.query.map(toRow),
    },
    headers: (request.header ?? []).map(toRow),
    body: readBody(request.body ?? null, `${path}.request.body (${item.name ?? 'unnamed'})`, context),
    auth: readAuth(request.auth, `${path}.request.auth`, context),
    scripts,
    scriptNote: describeScripts(scripts, 'request'),
  };
}

function toRow(entry: { key?: string | null; value?: unknown; disabled?: boolean | undefined; description?: string | null | undefined }): KeyValueRow {
  return {
    key: entry.key ?? '',
    value: textOf(entry.value),
    description: entry.description ?? '',
    enabled: entry.disabled !== true,
  };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }

  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Path variables in path order: those the file describes, plus any `:name` segment it does not. */
function readPathVariables(raw: string, declared: Array<{ key?: string | null; id?: string | undefined; value?: unknown; description?: string | null | undefined }>): PathVariable[] {
  const variables: PathVariable[] = declared
    .map((variable) => ({ key: variable.key ?? variable.id ?? '', value: textOf(variable.value), description: variable.description ?? '' }))
    .filter((variable) => variable.key !== '');
  for (const key of pathVariableKeys(raw)) {
    if (!variables.some((variable) => variable.key === key)) {
      variables.push({ key, value: '', description: '' });
    }
  }

  return variables;
}

/** Returns the `:name` segments of a URL's path, in order. */
export function pathVariableKeys(raw: string): string[] {
  const path = raw.split(/[?#]/, 1)[0]!.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');

  return path
    .split('/')
    .filter((segment) => /^:[A-Za-z_][A-Za-z0-9_.-]*$/.test(segment))
    .map((segment) => segment.slice(1));
}

function parseQueryRows(raw: string): KeyValueRow[] {
  const queryStart = raw.indexOf('?');
  if (queryStart === -1) {
    return [];
  }

  return raw
    .slice(queryStart + 1)
    .split('#', 1)[0]!
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return {
        key: equals === -1 ? pair : pair.slice(0, equals),
        value: equals === -1 ? '' : pair.slice(equals + 1),
        description: '',
        enabled: true,
      };
    });
}

function buildRawUrl(url: { protocol?: string | undefined; host?: string | string[] | undefined; port?: string | undefined; path?: string | Array<string | { value?: string | null | undefined }> | undefined }): string {
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const segments = typeof url.path === 'string' ? [url.path.replace(/^\//, '')] : (url.path ?? []).map((segment) => (typeof segment === 'string' ? segment : (segment.value ?? '')));
  const origin = `${url.protocol === undefined ? '' : `${url.protocol}://`}${host}${url.port === undefined ? '' : `:${url.port}`}`;

  return `${origin}/${segments.join('/')}`;
}

function readBody(
  body: { mode?: string | undefined; raw?: string | undefined; disabled?: boolean | undefined; options?: { raw?: { language?: string | undefined } | undefined } | undefined } | null,
  path: string,
  context: NormalizeContext,
): RequestBody | null {
  if (body === null || body.disabled === true || body.mode === undefined) {
    return null;
  }
  if (body.mode === 'raw') {
    return { mode: 'raw', raw: body.raw ?? '', language: body.options?.raw?.language ?? null };
  }
  // X's collection puts an empty form body on some GET requests; it sends nothing, so it is no body.
  if (isEmptyContent((body as Record<string, unknown>)[body.mode])) {
    return null;
  }
  context.warnings.push(`${path}: the ${body.mode} body was not imported; the workbench sends only raw JSON bodies`);

  return { mode: 'unsupported', postmanMode: body.mode };
}

/** Reports an explicitly empty form or text. Absent content stays unsupported, as the exporter writes it. */
function isEmptyContent(content: unknown): boolean {
  return content === '' || (Array.isArray(content) && content.length === 0);
}

function readAuth(auth: PostmanAuth | undefined, path: string, context: NormalizeContext): AuthSpec | null {
  if (auth === undefined || auth === null || auth.type === 'inherit') {
    return null;
  }
  const fields = (auth as Record<string, unknown>)[auth.type];
  const parsedFields = fields === undefined ? { success: true as const, data: [] } : authFieldsSchema.safeParse(fields);
  if (!parsedFields.success) {
    throw new PostmanImportError(
      `${context.fileName} is not a valid Postman collection: ${path}.${auth.type} must be a list of {key, value} or an object`,
      `${path}.${auth.type}`,
    );
  }
  const params: AuthParam[] = Array.isArray(parsedFields.data)
    ? parsedFields.data.map((field) => ({ key: field.key, value: authValue(field.value) }))
    : Object.entries(parsedFields.data).map(([key, value]) => ({ key, value: authValue(value) }));

  const sanitized = sanitizeAuth({ type: auth.type, params }, path);
  context.warnings.push(...sanitized.warnings);

  return sanitized.auth;
}

function authValue(value: unknown): AuthParam['value'] {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }

  return JSON.stringify(value);
}

/** Keeps the scripts that contain code; Postman writes empty ones (`exec: [""]`) into many exports. */
function readScripts(events: PostmanItem['event'] | null | undefined): Script[] {
  const scripts: Script[] = [];
  for (const event of events ?? []) {
    const exec = event.script?.exec;
    const lines = typeof exec === 'string' ? exec.split('\n') : (exec ?? []).map((line) => line ?? '');
    if (event.disabled === true || lines.every((line) => line.trim() === '')) {
      continue;
    }
    scripts.push({ listen: event.listen, lines });
  }

  return scripts;
}

function readVariables(variables: Array<{ key?: string | null; id?: string | undefined; value?: unknown; disabled?: boolean | undefined; description?: string | null | undefined }>, context: NormalizeContext): KeyValueRow[] {
  return variables.map((variable, index) => {
    const row = toRow({ ...variable, key: variable.key ?? variable.id ?? '' });
    if (isSecretVariableKey(row.key) && row.value !== '' && !/^\{\{[^{}]+\}\}$/.test(row.value)) {
      context.warnings.push(`variable[${index}]: the value of the secret collection variable ${row.key} was not imported (set it in an environment)`);
      return { ...row, value: '' };
    }
    return row;
  });
}
