import { z } from 'zod';
import { AUTH_TYPES, OAUTH2_SCOPE_PATTERN } from './auth-types.ts';

/**
 * The contract between the browser and the workbench server (`/api`). Inputs are `.strict()`, so
 * an unknown key is an error instead of being silently dropped.
 */

export { isSecretVariableKey, OAUTH1_VARIABLE_KEYS, SECRET_VARIABLE_KEYS } from './variables.ts';

export const MAX_VARIABLE_VALUE_LENGTH = 4096;
export const MAX_VARIABLES = 100;

export const variableKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, {
    error: (issue) =>
      `must start with a letter or "_" and contain only letters, digits, "_", "." or "-" (at most 64 characters); got ${JSON.stringify(issue.input)}`,
  });

export const environmentNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  // Control characters break the layout, and bidirectional overrides make a name display as another.
  .regex(/^[^\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/, {
    error: 'must not contain control characters or bidirectional text overrides (type the name again)',
  });

/** Origin of an X API host, such as https://api.x.com. Whether it is allowed is checked on the server. */
export const baseUrlSchema = z.string().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters');

/** One variable as the browser receives it. A secret's value is never included, only whether it is set and a hint. */
export const variableViewSchema = z.strictObject({
  key: z.string(),
  secret: z.boolean(),
  enabled: z.boolean(),
  /** The value of a non-secret variable; always null for a secret one. */
  value: z.string().nullable(),
  set: z.boolean(),
  /** At most the last 4 characters of a secret, such as "…ab12"; null when unset or too short to hint at. */
  hint: z.string().nullable(),
});
export type VariableView = z.infer<typeof variableViewSchema>;

export const environmentKindSchema = z.enum(['sandbox', 'custom']);
export type EnvironmentKind = z.infer<typeof environmentKindSchema>;

export const authTypeSchema = z.enum(AUTH_TYPES);

/** The OAuth 2.0 sign-in of an environment as the browser receives it. It never contains a token. */
export const oauth2StatusSchema = z.strictObject({
  userId: z.string(),
  username: z.string(),
  scopes: z.array(z.string()),
  /** When the access token expires, as an ISO 8601 time; the server refreshes it shortly before. */
  expiresAt: z.string(),
  /** Whether a refresh token is stored (only when the offline.access scope was granted). */
  refreshable: z.boolean(),
});
export type OAuth2Status = z.infer<typeof oauth2StatusSchema>;

export const environmentViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: environmentKindSchema,
  baseUrl: z.string(),
  /** Auth type of requests in this environment, unless a request overrides it. */
  authType: authTypeSchema,
  /** User ID taken from the numeric prefix of the OAuth 1.0a access_token, or null. */
  tokenUserId: z.string().nullable(),
  /** The user signed in with OAuth 2.0, or null when nobody is. */
  oauth2: oauth2StatusSchema.nullable(),
  variables: z.array(variableViewSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnvironmentView = z.infer<typeof environmentViewSchema>;

/**
 * One variable as the browser writes it. For a secret variable, an omitted `value` keeps the stored
 * value and an empty string clears it.
 */
export const variableInputSchema = z.strictObject({
  key: variableKeySchema,
  secret: z.boolean().optional(),
  enabled: z.boolean().optional(),
  value: z
    .string()
    .max(MAX_VARIABLE_VALUE_LENGTH, `must be at most ${MAX_VARIABLE_VALUE_LENGTH} characters`)
    .optional(),
});
export type VariableInput = z.infer<typeof variableInputSchema>;

const variableListSchema = z
  .array(variableInputSchema)
  .max(MAX_VARIABLES, `must have at most ${MAX_VARIABLES} variables`);

export const environmentCreateSchema = z.strictObject({
  name: environmentNameSchema,
  baseUrl: baseUrlSchema,
  authType: authTypeSchema.optional(),
  variables: variableListSchema.optional(),
});
export type EnvironmentCreate = z.infer<typeof environmentCreateSchema>;

/** Replaces the fields given. `variables`, when given, is the whole new list (secrets omitted from it are deleted). */
export const environmentUpdateSchema = z.strictObject({
  name: environmentNameSchema.optional(),
  baseUrl: baseUrlSchema.optional(),
  authType: authTypeSchema.optional(),
  variables: variableListSchema.optional(),
});
export type EnvironmentUpdate = z.infer<typeof environmentUpdateSchema>;

export const queryEntrySchema = z.strictObject({
  key: z.string().max(256, 'must be at most 256 characters'),
  value: z.string().max(MAX_VARIABLE_VALUE_LENGTH, `must be at most ${MAX_VARIABLE_VALUE_LENGTH} characters`),
  enabled: z.boolean(),
});
export type QueryEntry = z.infer<typeof queryEntrySchema>;

export const MAX_BODY_LENGTH = 16_384;

export const sendRequestSchema = z.strictObject({
  environmentId: z.string().min(1, 'must not be empty').max(64),
  requestId: z.string().min(1, 'must not be empty').max(64),
  pathVariables: z.record(z.string().max(64), z.string().max(MAX_VARIABLE_VALUE_LENGTH)),
  query: z.array(queryEntrySchema).max(50, 'must have at most 50 entries'),
  /** Raw JSON text of the body, or null. `{{variables}}` in it are resolved on the server. */
  body: z.string().max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`).nullable(),
  /** Overrides the environment's auth type for this request, like Postman's Authorization tab; absent inherits it. */
  authType: authTypeSchema.optional(),
  /** The imported collection that `requestId` is an item of; absent for the built-in requests. */
  collectionId: z.string().min(1, 'must not be empty').max(64).optional(),
  /** Header rows of an imported request; absent sends the collection's own. Only custom X-* headers are forwarded. */
  headers: z.array(queryEntrySchema).max(50, 'must have at most 50 entries').optional(),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

export const headerListSchema = z.array(z.tuple([z.string(), z.string()]));
export type HeaderList = z.infer<typeof headerListSchema>;

export const sentRequestSchema = z.strictObject({
  method: z.string(),
  url: z.string(),
  /** Headers as sent, with the Authorization value's credentials and signature replaced by "[redacted]". */
  headers: headerListSchema,
  body: z.string().nullable(),
});
export type SentRequest = z.infer<typeof sentRequestSchema>;

export const upstreamResponseSchema = z.strictObject({
  status: z.number().int(),
  statusText: z.string(),
  headers: headerListSchema,
  /** The body as text, so that IDs and numbers keep their exact digits. */
  body: z.string(),
  /** True when the body was longer than the proxy keeps and was cut. */
  truncated: z.boolean(),
});
export type UpstreamResponse = z.infer<typeof upstreamResponseSchema>;

/** One parameter that an OAuth 1.0a signature covers. */
export const signatureParameterSchema = z.strictObject({
  key: z.string(),
  /** The value as collected; a mask such as "[consumer key …ab12]" for the consumer key and token. */
  value: z.string(),
  encodedKey: z.string(),
  encodedValue: z.string(),
  source: z.enum(['query', 'oauth']),
  /** True when `value` and `encodedValue` are masks instead of the real credential. */
  masked: z.boolean(),
});
export type SignatureParameter = z.infer<typeof signatureParameterSchema>;

/**
 * The steps of an OAuth 1.0a signature, as RFC 5849 section 3.4 describes them. The consumer key
 * and token appear only as masks with their last characters, in every step. No secret and no
 * signature leaves the server.
 */
export const signatureViewSchema = z.strictObject({
  method: z.string(),
  /** Lower-case scheme and host, no default port, no query: the URL that the signature covers. */
  baseUrl: z.string(),
  /** Parameters in the order collected: the query, then the oauth_* protocol parameters. */
  collected: z.array(signatureParameterSchema),
  /** The same parameters, percent-encoded and sorted by encoded key, then by encoded value. */
  sorted: z.array(signatureParameterSchema),
  parameterString: z.string(),
  baseString: z.string(),
  /** The form of the HMAC-SHA1 key, never its value: "<consumer secret>&<token secret>". */
  signingKeyShape: z.string(),
  consumerKeyHint: z.string().nullable(),
  tokenHint: z.string().nullable(),
  /** The Authorization header as sent, with the consumer key, token and signature redacted. */
  authorization: z.string(),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;

export const sendResultSchema = z.strictObject({
  environmentName: z.string(),
  request: sentRequestSchema,
  response: upstreamResponseSchema,
  durationMs: z.number(),
  /** Size of the response body in bytes, as received. */
  sizeBytes: z.number().int(),
  /** The auth type the request was sent with. */
  authType: authTypeSchema.optional(),
  /** Notes on work the proxy did besides sending, such as refreshing an OAuth 2.0 token, one sentence each. */
  notes: z.array(z.string()).optional(),
  /** Steps of the OAuth 1.0a signature, for the signature inspector; absent for the other auth types. */
  signature: signatureViewSchema.optional(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const apiErrorCodeSchema = z.enum([
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
  'session_required',
  'csrf_failed',
  'forbidden_origin',
  'misdirected_host',
  'not_found',
  'conflict',
  'upstream_not_allowed',
  'upstream_unreachable',
  'upstream_timeout',
  'rate_limited',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: apiErrorCodeSchema,
    message: z.string(),
    /** Dotted path of the offending input field, such as "pathVariables.id". */
    field: z.string().optional(),
    /** The upstream URL involved, for network errors. */
    target: z.string().optional(),
    /** The request as it would have been sent, for errors after signing (credentials redacted). */
    request: sentRequestSchema.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const sessionInfoSchema = z.strictObject({
  csrfToken: z.string(),
  mode: z.enum(['local', 'team']),
  sandboxUrl: z.string(),
  allowedUpstreams: z.array(z.string()),
  /** The OAuth 2.0 redirect URI (callback URI) that must be registered for the app in the X developer portal. */
  oauth2RedirectUri: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const oauth2ScopeSchema = z.string().regex(OAUTH2_SCOPE_PATTERN, {
  error: (issue) => `must be a scope name such as follows.write; got ${JSON.stringify(issue.input)}`,
});

/** Starts an OAuth 2.0 Authorization Code flow with PKCE for an environment. */
export const oauth2StartSchema = z.strictObject({
  environmentId: z.string().min(1, 'must not be empty').max(64),
  /** Scopes to request. When absent, DEFAULT_OAUTH2_SCOPES are requested. */
  scopes: z.array(oauth2ScopeSchema).min(1, 'must name at least one scope').max(20).optional(),
});
export type OAuth2Start = z.infer<typeof oauth2StartSchema>;

export const oauth2StartResultSchema = z.strictObject({
  /** X's (or the sandbox's) authorize page, to open in the browser. */
  authorizeUrl: z.string(),
});
export type OAuth2StartResult = z.infer<typeof oauth2StartResultSchema>;

/**
 * What the redirect URI received, passed on by the page: a `code`, or the `error` that X sent
 * instead (such as access_denied when the user cancelled).
 */
export const oauth2CompleteSchema = z.strictObject({
  state: z.string().min(1, 'must not be empty').max(512, 'must be at most 512 characters'),
  code: z.string().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters').optional(),
  error: z.string().max(256).optional(),
  errorDescription: z.string().max(1024).optional(),
});
export type OAuth2Complete = z.infer<typeof oauth2CompleteSchema>;

export const oauth2CompleteResultSchema = z.strictObject({
  environmentId: z.string(),
  environmentName: z.string(),
  status: oauth2StatusSchema,
});
export type OAuth2CompleteResult = z.infer<typeof oauth2CompleteResultSchema>;

export const oauth2SignOutSchema = z.strictObject({
  environmentId: z.string().min(1, 'must not be empty').max(64),
});
export type OAuth2SignOut = z.infer<typeof oauth2SignOutSchema>;

export const oauth2SignOutResultSchema = z.strictObject({
  /** Whether X (or the sandbox) confirmed that the tokens were revoked; the stored tokens are deleted either way. */
  revoked: z.boolean(),
  /** Reason that revoking failed, when it did. */
  message: z.string().nullable(),
});
export type OAuth2SignOutResult = z.infer<typeof oauth2SignOutResultSchema>;

/** Header that carries the CSRF token on every state-changing `/api` call. */
export const CSRF_HEADER = 'x-csrf-token';
