import type { SendRequest } from '../../../shared/api.ts';
import type { AuthType } from '../../../shared/auth-types.ts';
import type { PathVariableDefinition, RequestDefinition } from '../../../shared/collection.ts';
import { checkUserId, checkUsername, userIdFromAccessToken, type CheckResult } from '../../../shared/ids.ts';
import { ApiError } from '../../http/errors.ts';
import type { ResolvedVariable } from '../environments/store.ts';
import { resolveTemplate } from './variables.ts';

/** A request with every variable resolved and every value checked, ready to sign. */
export interface PreparedRequest {
  method: string;
  /** Lower-case scheme and host, no default port: the base URL that OAuth 1.0a signs. */
  origin: string;
  /** Percent-encoded path. */
  path: string;
  /** Decoded query pairs in the order sent. */
  query: Array<[string, string]>;
  /** The full URL as sent. */
  url: string;
  body: string | null;
}

export interface PrepareContext {
  definition: RequestDefinition;
  input: SendRequest;
  origin: string;
  environmentName: string;
  variables: ReadonlyMap<string, ResolvedVariable>;
  /**
   * The auth type and, for OAuth 2.0, the signed-in user, which fill an empty `id` or
   * `source_user_id`. Absent means OAuth 1.0a, whose user ID is the access token's prefix.
   */
  auth?: { type: 'oauth1' } | { type: Exclude<AuthType, 'oauth1'>; userId: string | null };
}

/**
 * Resolves `{{variables}}` in the path variables, query and body, fills an empty `id` or
 * `source_user_id` with the authenticated user's ID, and validates every ID. Nothing is trimmed: a stray
 * space is reported, not silently removed.
 */
export function prepareRequest(context: PrepareContext): PreparedRequest {
  const { definition, input } = context;

  const path = buildPath(context);
  const query = resolveQuery(context);
  const body = resolveBody(context);
  const search = query.map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`).join('&');

  return {
    method: definition.method,
    origin: context.origin,
    path,
    query,
    url: `${context.origin}${path}${search === '' ? '' : `?${search}`}`,
    body: input.body === null ? null : body,
  };
}

/** Percent-encodes as RFC 3986 and OAuth 1.0a require: only A-Z a-z 0-9 - . _ ~ stay as they are. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function buildPath(context: PrepareContext): string {
  const { definition, input } = context;
  const known = new Set(definition.pathVariables.map((variable) => variable.key));
  for (const key of Object.keys(input.pathVariables)) {
    if (!known.has(key)) {
      const expected = definition.pathVariables.map((variable) => variable.key).join(', ') || 'none';
      throw new ApiError(
        'invalid_request',
        `pathVariables.${key} is not a path variable of "${definition.name}" (its path variables: ${expected})`,
        { field: `pathVariables.${key}` },
      );
    }
  }

  let path = definition.path;
  for (const variable of definition.pathVariables) {
    const value = resolvePathVariable(variable, context);
    path = path.replace(`:${variable.key}`, encodeRfc3986(value));
  }

  return path;
}

function resolvePathVariable(variable: PathVariableDefinition, context: PrepareContext): string {
  const field = `pathVariables.${variable.key}`;
  // Object.hasOwn, because a variable named like an Object.prototype member (`__proto__`) is not own data.
  const raw = Object.hasOwn(context.input.pathVariables, variable.key) ? context.input.pathVariables[variable.key]! : '';
  const value = raw === '' && variable.defaultsToTokenUser ? tokenUserId(field, context) : resolveTemplate(raw, field, context.variables, context.environmentName);

  const check = checkPathVariable(variable, field, value);
  if (!check.ok) {
    throw new ApiError('invalid_request', check.message, { field });
  }

  return check.value;
}

function checkPathVariable(variable: PathVariableDefinition, field: string, value: string): CheckResult {
  if (variable.kind === 'user_id') {
    return checkUserId(field, value);
  }
  if (variable.kind === 'username') {
    return checkUsername(field, value);
  }
  if (value === '') {
    return { ok: false, message: `${field} is empty (enter a value for :${variable.key})` };
  }

  return { ok: true, value };
}

function tokenUserId(field: string, context: PrepareContext): string {
  const auth = context.auth;
  if (auth?.type === 'app-only') {
    throw new ApiError(
      'invalid_request',
      `${field} is empty and an app-only bearer token acts as no user (enter a user ID, or switch the Authorization type to OAuth 1.0a or OAuth 2.0 User Context)`,
      { field },
    );
  }
  if (auth?.type === 'oauth2') {
    if (auth.userId === null) {
      throw new ApiError(
        'invalid_request',
        `${field} is empty and nobody is signed in with OAuth 2.0 in environment ${JSON.stringify(context.environmentName)} (press Authorize in the Authorization tab, or enter a user ID)`,
        { field },
      );
    }
    return auth.userId;
  }

  const accessToken = context.variables.get('access_token');
  const userId = accessToken?.enabled ? userIdFromAccessToken(accessToken.value) : null;
  if (userId === null) {
    throw new ApiError(
      'invalid_request',
      `${field} is empty and the access_token of environment ${JSON.stringify(context.environmentName)} has no numeric user ID prefix (enter your user ID, or find it with "Authenticated user lookup")`,
      { field },
    );
  }

  return userId;
}

function resolveQuery(context: PrepareContext): Array<[string, string]> {
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];

  context.input.query.forEach((entry, index) => {
    if (!entry.enabled) {
      return;
    }
    const field = `query.${index}`;
    if (entry.key === '') {
      throw new ApiError('invalid_request', `${field}.key is empty (name the parameter or disable the row)`, {
        field: `${field}.key`,
      });
    }
    const key = resolveTemplate(entry.key, `${field}.key`, context.variables, context.environmentName);
    if (seen.has(key)) {
      throw new ApiError('invalid_request', `${field}.key ${JSON.stringify(key)} appears more than once (keep one row)`, {
        field: `${field}.key`,
      });
    }
    seen.add(key);
    const value = resolveTemplate(entry.value, `${field}.value`, context.variables, context.environmentName);
    rejectControlCharacters(key, `${field}.key`);
    rejectControlCharacters(value, `${field}.value`);
    pairs.push([key, value]);
  });

  return pairs;
}

function resolveBody(context: PrepareContext): string | null {
  const { definition, input } = context;
  if (input.body === null) {
    return null;
  }
  if (definition.bodyTemplate === null) {
    if (input.body.trim() === '') {
      return null;
    }
    throw new ApiError('invalid_request', `body must be null for "${definition.name}", which sends no body (clear the Body tab)`, {
      field: 'body',
    });
  }

  const text = resolveTemplate(input.body, 'body', context.variables, context.environmentName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_request', `body is not valid JSON: ${(error as Error).message} (check quotes, commas and braces)`, {
      field: 'body',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError('invalid_request', 'body must be a JSON object such as {"target_user_id": "2244994945"}', {
      field: 'body',
    });
  }
  // JSON.parse keeps the last of repeated keys, but other readers may take the first: reject the ambiguity.
  if ((text.match(/"target_user_id"\s*:/g) ?? []).length > 1) {
    throw new ApiError('invalid_request', 'body contains target_user_id more than once (keep one)', { field: 'body.target_user_id' });
  }
  if ('target_user_id' in parsed) {
    checkBodyUserId(text, (parsed as Record<string, unknown>).target_user_id);
  }

  return text;
}

/** Checks body.target_user_id. A number is reported with its digits as written, before JSON.parse rounded it. */
function checkBodyUserId(text: string, parsedValue: unknown): void {
  const field = 'body.target_user_id';
  const literal = /"target_user_id"\s*:\s*(-?[0-9]+)\s*[,}]/.exec(text);
  const value = typeof parsedValue === 'number' && literal ? BigInt(literal[1]!) : parsedValue;
  const check = checkUserId(field, value);
  if (!check.ok) {
    throw new ApiError('invalid_request', check.message, { field });
  }
}

function rejectControlCharacters(value: string, field: string): void {
  const match = /[\u0000-\u001f\u007f]/.exec(value);
  if (match) {
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ApiError(
      'invalid_request',
      `${field} contains the control character U+${code} at position ${match.index} (remove line breaks and tabs)`,
      { field },
    );
  }
}
