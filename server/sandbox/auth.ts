/**
 * Identifies the caller of an API request (an OAuth 1.0a user token or an app-only bearer token)
 * and checks what the caller's app may do, with X's 401 and 403 bodies.
 */
import type { Request } from 'express';

import type { SandboxApp, SandboxToken } from '../../shared/sandbox-portal.ts';

import { buildBaseUrl } from './oauth1.ts';
import { clientForbidden, oauth1Permissions, unauthorized, unsupportedAuthentication } from './problems.ts';
import type { SandboxState } from './state.ts';

export type Caller =
  | { kind: 'user'; app: SandboxApp; token: SandboxToken; userId: string }
  | { kind: 'app'; app: SandboxApp };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Returns the caller, or throws X's 401 problem with the cause in the x-sandbox-auth-error header. */
export function authenticate(request: Request, state: SandboxState): Caller {
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? null : BEARER.exec(authorization);
  if (bearer) {
    const app = state.credentials.findAppByBearerToken(bearer[1]!);
    if (!app) {
      logRejection(state, request, 'unknown_bearer_token', 'The bearer token does not belong to any app.');
      throw unauthorized('unknown_bearer_token');
    }
    return { kind: 'app', app };
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

  return { kind: 'user', app: issued.app, token: issued.token, userId: issued.token.userId };
}

/** Throws X's 403 problem when the caller's app or kind of token may not use the endpoint. */
export function authorize(caller: Caller, endpoint: { userContextOnly: boolean; writes: boolean }): void {
  if (!caller.app.projectAttached) {
    throw clientForbidden(caller.app.appId);
  }
  if (endpoint.userContextOnly && caller.kind === 'app') {
    throw unsupportedAuthentication();
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

function isFormEncoded(request: Request): boolean {
  const mediaType = request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();

  return mediaType === 'application/x-www-form-urlencoded';
}

/** Logs why a request was rejected; the message never contains a key, token, secret or signature. */
function logRejection(state: SandboxState, request: Request, reason: string, message: string): void {
  state.logger.debug({ reason, detail: message, method: request.method, path: rawPath(request) }, 'authentication failed');
}
