/**
 * Identifies the caller of an API request (an OAuth 1.0a user token, an OAuth 2.0 user access token
 * or an app-only bearer token) and checks what the caller may do, with X's 401 and 403 bodies.
 */
import type { Request } from 'express';

import type { SandboxApp, SandboxToken } from '../../shared/sandbox-portal.ts';

import { buildBaseUrl } from './oauth1.ts';
import { findMissingScopes, type OAuth2Scope } from './oauth2/scopes.ts';
import { clientForbidden, missingScopes, oauth1Permissions, unauthorized, unsupportedAuthentication } from './problems.ts';
import type { SandboxState } from './state.ts';

export type Caller =
  | { kind: 'user'; method: 'oauth1'; app: SandboxApp; token: SandboxToken; userId: string }
  | { kind: 'user'; method: 'oauth2'; app: SandboxApp; userId: string; scopes: ReadonlySet<string> }
  | { kind: 'app'; app: SandboxApp };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Returns the caller, or throws X's 401 problem with the cause in the x-sandbox-auth-error header. */
export function authenticate(request: Request, state: SandboxState): Caller {
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? null : BEARER.exec(authorization);
  if (bearer) {
    return authenticateBearer(bearer[1]!, request, state);
  }

  const result = state.verifier.verify({
    method: request.method,
    baseUrl: buildBaseUrl('http', request.headers.host ?? '', rawPath(request)),
    rawQuery: rawQuery(request),
    formBody: isFormEncoded(request) && Buffer.isBuffer(request.body) ? request.body.toString('utf8') : null,
    authorization,
  });
  if (!result.ok) {
    logRejection(state, request, result.reason, result.message);
    throw unauthorized(result.reason);
  }

  const issued = state.credentials.findIssuedToken(result.token)!;

  return { kind: 'user', method: 'oauth1', app: issued.app, token: issued.token, userId: issued.token.userId };
}

/** Resolves an app-only bearer token or an OAuth 2.0 user access token. */
function authenticateBearer(token: string, request: Request, state: SandboxState): Caller {
  const app = state.credentials.findAppByBearerToken(token);
  if (app) {
    return { kind: 'app', app };
  }

  const found = state.oauth2.grants.findAccessToken(token);
  if (!found) {
    logRejection(state, request, 'unknown_bearer_token', 'The bearer token is neither an app token nor a live OAuth 2.0 access token (it may be revoked).');
    throw unauthorized('unknown_bearer_token');
  }
  if (found.expired) {
    logRejection(state, request, 'access_token_expired', 'The OAuth 2.0 access token expired; refresh it or authorize again.');
    throw unauthorized('access_token_expired');
  }
  const grant = found.entry.grant;

  return {
    kind: 'user',
    method: 'oauth2',
    app: state.oauth2.clients.findApp(grant.clientId)!,
    userId: grant.userId,
    scopes: new Set(found.entry.scopes),
  };
}

/**
 * Throws X's 403 problem when the caller's app or kind of token may not use the endpoint. OAuth 2.0
 * tokens need the endpoint's scopes. The app permission check is for OAuth 1.0a only, because the
 * authorize endpoint does not grant write scopes to a read-only app.
 */
export function authorize(caller: Caller, endpoint: { userContextOnly: boolean; writes: boolean; oauth2Scopes: readonly OAuth2Scope[] }): void {
  if (!caller.app.projectAttached) {
    throw clientForbidden(caller.app.appId);
  }
  if (endpoint.userContextOnly && caller.kind === 'app') {
    throw unsupportedAuthentication();
  }
  if (caller.kind === 'user' && caller.method === 'oauth2') {
    const missing = findMissingScopes(caller.scopes, endpoint.oauth2Scopes);
    if (missing.length > 0) {
      throw missingScopes(missing, endpoint.oauth2Scopes);
    }
    return;
  }
  if (endpoint.writes && caller.app.permission === 'read') {
    throw oauth1Permissions();
  }
}

/** Returns the path exactly as the client sent it (still percent-encoded), without the query. */
export function rawPath(request: Request): string {
  const target = request.originalUrl;
  const queryStart = target.indexOf('?');

  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/** Returns the query string exactly as the client sent it, without the `?`. */
export function rawQuery(request: Request): string {
  const target = request.originalUrl;
  const queryStart = target.indexOf('?');

  return queryStart === -1 ? '' : target.slice(queryStart + 1);
}

export function isFormEncoded(request: Request): boolean {
  const mediaType = request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();

  return mediaType === 'application/x-www-form-urlencoded';
}

/** Logs why a request was rejected; the message never contains a key, token, secret or signature. */
function logRejection(state: SandboxState, request: Request, reason: string, message: string): void {
  state.logger.debug({ reason, detail: message, method: request.method, path: rawPath(request) }, 'authentication failed');
}
