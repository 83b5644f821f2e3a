import type { SendRequest } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import { builtinRequests } from '../../../../../shared/collection.ts';
import type { CollectionRequest, EffectiveAuth, KeyValueRow } from '../../../../../shared/postman/model.ts';
import { tokenUserScriptVariable } from '../../../../../shared/postman/script-note.ts';
import { resolveTarget } from '../../../../../shared/postman/sendable.ts';

/**
 * The editable copy of an imported request: path variables, query and header rows, body and an
 * auth type override. Kept in memory; the stored collection never changes.
 */
export interface ImportedDraft {
  pathVariables: Record<string, string>;
  query: KeyValueRow[];
  headers: KeyValueRow[];
  /** Raw JSON text, or null for a request without a body. */
  body: string | null;
  /** "inherit" uses the request's own auth after Postman's inheritance. */
  authType: AuthType | 'inherit';
}

export function createImportedDraft(request: CollectionRequest): ImportedDraft {
  return {
    pathVariables: Object.fromEntries(request.url.pathVariables.map((variable) => [variable.key, variable.value])),
    query: request.url.query.map((row) => ({ ...row })),
    headers: request.headers.map((row) => ({ ...row })),
    body: request.body?.mode === 'raw' && request.body.raw.trim() !== '' ? request.body.raw : null,
    authType: 'inherit',
  };
}

/** Returns the path variable that the request's token script fills, which may stay empty, or null. */
export function tokenFilledVariable(request: CollectionRequest): string | null {
  return request.scripts.map(tokenUserScriptVariable).find((key) => key !== null) ?? null;
}

/** Turns a draft into the body of POST /api/send for an imported request. */
export function buildImportedSend(environmentId: string, collectionId: string, request: CollectionRequest, draft: ImportedDraft): SendRequest {
  return {
    environmentId,
    collectionId,
    requestId: request.id,
    pathVariables: { ...draft.pathVariables },
    query: draft.query.filter((row) => row.enabled && row.key !== '').map((row) => ({ key: row.key, value: row.value, enabled: true })),
    headers: draft.headers.map((row) => ({ key: row.key, value: row.value, enabled: row.enabled })),
    body: draft.body,
    ...(draft.authType === 'inherit' ? {} : { authType: draft.authType }),
  };
}

/**
 * Builds the URL the server is expected to send, for display and code snippets: X API hosts and
 * {{base_url}} become the environment's base URL, an empty token-filled variable the token's user ID.
 * {{variables}} stay as written, because only the server resolves them.
 */
export function importedPreviewUrl(baseUrl: string, request: CollectionRequest, draft: ImportedDraft, tokenUserId: string | null): string {
  const target = resolveTarget(request.url.raw);
  if (target.kind === 'invalid') {
    return request.url.raw;
  }
  const origin = target.kind === 'origin' ? target.origin : baseUrl.replace(/\/+$/, '');
  const tokenVariable = tokenFilledVariable(request);
  let path = target.path;
  for (const variable of request.url.pathVariables) {
    const value = draft.pathVariables[variable.key] ?? '';
    const filled = value === '' && variable.key === tokenVariable ? (tokenUserId ?? '') : value;
    path = path.replace(`:${variable.key}`, filled === '' ? `:${variable.key}` : encodeURIComponent(filled).replaceAll('%7B', '{').replaceAll('%7D', '}'));
  }
  const query = draft.query
    .filter((row) => row.enabled && row.key !== '')
    .map((row) => `${encodeURIComponent(row.key)}=${encodeURIComponent(row.value)}`)
    .join('&');

  return `${origin}${path}${query === '' ? '' : `?${query}`}`;
}

const AUTH_NAMES: Record<string, string> = {
  oauth1: 'OAuth 1.0a',
  bearer: 'Bearer token (app-only)',
  oauth2: 'OAuth 2.0',
  noauth: 'No auth',
};

/** Describes the auth after inheritance, such as "Bearer token (app-only), inherited from Twitter API v2". */
export function describeEffectiveAuth(effective: EffectiveAuth): string {
  if (effective.auth === null) {
    return "None in the collection: the environment's auth type is used";
  }
  const name = AUTH_NAMES[effective.auth.type] ?? `${effective.auth.type} (not supported)`;

  return effective.inheritedFrom === null ? `${name}, set on this request` : `${name}, inherited from ${effective.inheritedFrom}`;
}

/** Returns the built-in request with the same method and path, whose result meanings then apply, or null. */
export function matchBuiltinRequestId(request: CollectionRequest): string | null {
  const target = resolveTarget(request.url.raw);
  if (target.kind === 'invalid') {
    return null;
  }
  const builtin = builtinRequests.find((candidate) => candidate.method === request.method && candidate.path === target.path);

  return builtin?.id ?? null;
}

/** Returns the auth type a send uses: the draft's override, else the collection's after inheritance, else the environment's. */
export function sendAuthType(effective: EffectiveAuth, draft: ImportedDraft, environmentAuthType: AuthType): AuthType {
  if (draft.authType !== 'inherit') {
    return draft.authType;
  }
  const byPostmanType: Record<string, AuthType> = { oauth1: 'oauth1', bearer: 'app-only', oauth2: 'oauth2' };

  return (effective.auth === null ? undefined : byPostmanType[effective.auth.type]) ?? environmentAuthType;
}
