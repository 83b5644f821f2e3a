/**
 * The grants of `POST /2/oauth2/token` (authorization_code and refresh_token) and the revocation of
 * `POST /2/oauth2/revoke`. Each function receives the authenticated client's app and the form's
 * single-valued parameters, and throws TokenEndpointError for anything it rejects.
 */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import type { GrantStore, IssuedTokens } from './grant-store.ts';
import { isValidCodeVerifier, verifyCodeChallenge } from './pkce.ts';
import { isKnownScope, splitScopeParameter } from './scopes.ts';
import { TokenEndpointError } from './token-errors.ts';

export type FormValues = ReadonlyMap<string, string>;

/** The JSON body of a successful token response, as X sends it. */
export interface TokenResponseBody {
  token_type: 'bearer';
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
}

export function exchangeToken(app: SandboxApp, form: FormValues, grants: GrantStore, now: number): TokenResponseBody {
  const grantType = requireValue(form, 'grant_type', 'Send grant_type=authorization_code or grant_type=refresh_token.');
  if (grantType === 'authorization_code') {
    return toResponseBody(exchangeAuthorizationCode(app, form, grants, now));
  }
  if (grantType === 'refresh_token') {
    return toResponseBody(exchangeRefreshToken(app, form, grants));
  }
  if (grantType === 'client_credentials') {
    throw new TokenEndpointError(
      'unsupported_grant_type',
      "The sandbox does not issue app-only bearer tokens here. Use the app's bearer token from the developer portal.",
    );
  }

  throw new TokenEndpointError('unsupported_grant_type', `grant_type must be authorization_code or refresh_token; got ${JSON.stringify(grantType)}.`);
}

function exchangeAuthorizationCode(app: SandboxApp, form: FormValues, grants: GrantStore, now: number): IssuedTokens {
  const code = requireValue(form, 'code', 'Send the code from the redirect to your callback URL.');
  const redirectUri = requireValue(form, 'redirect_uri', 'Send the same redirect_uri as in the authorization request.');
  const verifier = requireValue(form, 'code_verifier', 'Send the PKCE code_verifier whose challenge went to /i/oauth2/authorize.');
  if (!isValidCodeVerifier(verifier)) {
    throw new TokenEndpointError(
      'invalid_request',
      `code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1); got ${verifier.length} characters.`,
    );
  }

  const entry = grants.findCode(code);
  if (!entry || entry.grant.clientId !== app.oauth2.clientId) {
    throw new TokenEndpointError('invalid_grant', `The code is unknown or was issued to another client than ${app.name}. Start a new authorization.`);
  }
  if (entry.usedAtMs !== null) {
    // RFC 6749 section 4.1.2: a code used twice may have been stolen, so its tokens are revoked.
    grants.revokeGrant(entry.grant.id);
    throw new TokenEndpointError('invalid_grant', 'The code was already used, so the tokens issued for it are revoked too. Start a new authorization.');
  }
  if (now >= entry.expiresAtMs) {
    throw new TokenEndpointError('invalid_grant', 'The code expired, because codes last 30 seconds after the redirect. Start a new authorization and exchange the code at once.');
  }
  if (redirectUri !== entry.redirectUri) {
    throw new TokenEndpointError(
      'invalid_grant',
      `redirect_uri must equal the one sent to /i/oauth2/authorize (${entry.redirectUri}); got ${JSON.stringify(redirectUri)}.`,
    );
  }
  if (!verifyCodeChallenge(entry.codeChallengeMethod, entry.codeChallenge, verifier)) {
    throw new TokenEndpointError(
      'invalid_grant',
      `The code_verifier does not match the code_challenge (method ${entry.codeChallengeMethod}). Send the verifier from which that challenge was made.`,
    );
  }

  grants.markCodeUsed(entry);

  return grants.issueTokens(entry.grant, entry.grant.scopes);
}

/**
 * Rotates the refresh token: the old one stops working and the response carries a new one. An
 * optional `scope` narrows the new access token (RFC 6749 section 6). The new refresh token keeps
 * the grant's scopes.
 */
function exchangeRefreshToken(app: SandboxApp, form: FormValues, grants: GrantStore): IssuedTokens {
  const refreshToken = requireValue(form, 'refresh_token', 'Send the refresh_token from the last token response.');
  const entry = grants.findRefreshToken(refreshToken);
  if (!entry || entry.grant.clientId !== app.oauth2.clientId) {
    throw new TokenEndpointError(
      'invalid_grant',
      'The refresh_token is unknown, revoked or already used. Refresh tokens rotate: use the one from the latest token response.',
    );
  }

  const scopes = narrowScopes(form.get('scope'), entry.grant.scopes);
  grants.deleteRefreshToken(refreshToken);

  return grants.issueTokens(entry.grant, scopes);
}

function narrowScopes(value: string | undefined, granted: readonly string[]): readonly string[] {
  if (value === undefined) {
    return granted;
  }
  const requested = splitScopeParameter(value);
  if (requested.length === 0) {
    throw new TokenEndpointError('invalid_scope', 'scope is empty. Leave it out to keep the granted scopes, or list some of them.');
  }
  const unknown = requested.filter((name) => !isKnownScope(name));
  if (unknown.length > 0) {
    throw new TokenEndpointError('invalid_scope', `Unknown scope ${unknown.join(' ')}.`);
  }
  const notGranted = requested.filter((name) => !granted.includes(name));
  if (notGranted.length > 0) {
    throw new TokenEndpointError('invalid_scope', `A refresh cannot add scopes: ${notGranted.join(' ')} was not granted. Granted: ${granted.join(' ')}.`);
  }

  return requested;
}

const TOKEN_TYPE_HINTS = ['access_token', 'refresh_token'];

/**
 * Revokes an access or refresh token of the client (RFC 7009). Revoking a refresh token also revokes
 * the access tokens of its grant. An unknown token counts as revoked, as RFC 7009 section 2.2 requires.
 */
export function revokeToken(app: SandboxApp, form: FormValues, grants: GrantStore): { revoked: true } {
  const token = requireValue(form, 'token', 'Send the access or refresh token to revoke.');
  const hint = form.get('token_type_hint');
  if (hint !== undefined && !TOKEN_TYPE_HINTS.includes(hint)) {
    throw new TokenEndpointError('invalid_request', `token_type_hint must be access_token or refresh_token; got ${JSON.stringify(hint)}.`);
  }

  const refresh = grants.findRefreshToken(token);
  const access = grants.findAccessToken(token)?.entry;
  const grant = refresh?.grant ?? access?.grant;
  if (!grant) {
    return { revoked: true };
  }
  if (grant.clientId !== app.oauth2.clientId) {
    throw new TokenEndpointError('invalid_grant', `The token was issued to another client than ${app.name}. Revoke it with that client's credentials.`);
  }
  if (refresh) {
    grants.revokeGrant(grant.id);
  } else {
    grants.deleteAccessToken(token);
  }

  return { revoked: true };
}

function requireValue(form: FormValues, name: string, fix: string): string {
  const value = form.get(name);
  if (value === undefined || value === '') {
    throw new TokenEndpointError('invalid_request', `The parameter ${name} is missing. ${fix}`);
  }

  return value;
}

function toResponseBody(issued: IssuedTokens): TokenResponseBody {
  const body: TokenResponseBody = {
    token_type: 'bearer',
    expires_in: issued.expiresInSeconds,
    access_token: issued.accessToken,
    scope: issued.scopes.join(' '),
  };
  if (issued.refreshToken !== undefined) {
    body.refresh_token = issued.refreshToken;
  }

  return body;
}
