/**
 * Errors of the token and revoke endpoints, as RFC 6749 section 5.2 defines them:
 * `{"error":"…","error_description":"…"}` with HTTP 400, or 401 for invalid_client.
 */
import type { Response } from 'express';

export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export class TokenEndpointError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
    this.name = 'TokenEndpointError';
  }

  get status(): number {
    return this.code === 'invalid_client' ? 401 : 400;
  }
}

/** Sets the headers that RFC 6749 section 5.1 requires on responses that contain tokens, and on their errors. */
export function setNoStoreHeaders(response: Response): void {
  response.set('cache-control', 'no-store');
  response.set('pragma', 'no-cache');
}

export function sendTokenError(response: Response, error: TokenEndpointError): void {
  setNoStoreHeaders(response);
  // RFC 6749 section 5.2: a 401 names the authentication scheme the client should use.
  if (error.status === 401) {
    response.set('www-authenticate', 'Basic realm="X sandbox"');
  }
  response.status(error.status).json({ error: error.code, error_description: error.description });
}
