/**
 * Validation of an authorization request (RFC 6749 section 4.1.1 with PKCE, RFC 7636 section 4.3),
 * shared by the consent page's GET and its form's POST. Errors in client_id or redirect_uri are
 * shown on a page and never redirected (RFC 6749 section 4.1.2.1), because the redirect target
 * cannot be trusted. Every other error is redirected to the client with `error` and `state`.
 */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import type { Parameter } from '../percent-encoding.ts';

import type { OAuth2ClientRegistry } from './clients.ts';
import { isCodeChallengeMethod, isValidCodeChallenge, type CodeChallengeMethod } from './pkce.ts';
import { isKnownScope, isWriteScope, OAUTH2_SCOPES, splitScopeParameter, type OAuth2Scope } from './scopes.ts';

/** X's limit on the `state` parameter. */
export const MAX_STATE_LENGTH = 500;

/** The parameters of an authorization request, in the order the consent form repeats them. */
export const AUTHORIZE_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

export interface AuthorizationRequest {
  app: SandboxApp;
  clientId: string;
  redirectUri: string;
  scopes: OAuth2Scope[];
  state: string;
  codeChallenge: string;
  codeChallengeMethod: CodeChallengeMethod;
  /** The parameters exactly as received, for the consent form's hidden inputs. */
  parameters: Record<(typeof AUTHORIZE_PARAMETERS)[number], string>;
}

/** Error codes of RFC 6749 section 4.1.2.1 that the sandbox redirects with. */
export type AuthorizeErrorCode = 'invalid_request' | 'unsupported_response_type' | 'invalid_scope' | 'access_denied';

export type AuthorizeValidation =
  | { outcome: 'valid'; request: AuthorizationRequest }
  | { outcome: 'show_error'; message: string }
  | { outcome: 'redirect_error'; redirectUri: string; state: string | undefined; error: AuthorizeErrorCode; description: string };

export function validateAuthorizationRequest(parameters: readonly Parameter[], clients: OAuth2ClientRegistry): AuthorizeValidation {
  const values = collectValues(parameters);
  const single = (name: string): string | undefined => values.get(name)?.[0];

  for (const name of ['client_id', 'redirect_uri']) {
    if ((values.get(name)?.length ?? 0) > 1) {
      return { outcome: 'show_error', message: `The parameter ${name} was sent more than once. Send it once.` };
    }
  }
  const clientId = single('client_id');
  if (clientId === undefined || clientId === '') {
    return { outcome: 'show_error', message: 'The parameter client_id is missing. Add the OAuth 2.0 client ID of a sandbox app; the developer portal lists them.' };
  }
  const app = clients.findApp(clientId);
  if (!app) {
    return { outcome: 'show_error', message: `No sandbox app has the client_id ${JSON.stringify(clientId)}. Copy a client ID from the developer portal.` };
  }
  const redirectUri = single('redirect_uri');
  if (redirectUri === undefined || redirectUri === '') {
    return { outcome: 'show_error', message: `The parameter redirect_uri is missing. Add one of the callback URLs registered for ${app.name}: ${listRedirectUris(clients, clientId)}.` };
  }
  if (!clients.isRegisteredRedirectUri(clientId, redirectUri)) {
    return {
      outcome: 'show_error',
      message: `The redirect_uri ${JSON.stringify(redirectUri)} is not registered for ${app.name}. It must equal one of these exactly: ${listRedirectUris(clients, clientId)}. Register another one with the sandbox's registerRedirectUri().`,
    };
  }

  const state = single('state');
  const fail = (error: AuthorizeErrorCode, description: string): AuthorizeValidation => ({ outcome: 'redirect_error', redirectUri, state, error, description });

  const repeated = [...values].filter(([name, list]) => isAuthorizeParameter(name) && list.length > 1).map(([name]) => name);
  if (repeated.length > 0) {
    return fail('invalid_request', `The parameter ${repeated.join(', ')} was sent more than once. Send each parameter once.`);
  }

  const responseType = single('response_type');
  if (responseType === undefined || responseType === '') {
    return fail('invalid_request', 'The parameter response_type is missing. Send response_type=code.');
  }
  if (responseType !== 'code') {
    return fail('unsupported_response_type', `response_type must be code; got ${JSON.stringify(responseType)}.`);
  }

  if (state === undefined || state === '') {
    return fail('invalid_request', 'The parameter state is missing. Send a random value and check that the redirect returns it.');
  }
  if (state.length > MAX_STATE_LENGTH) {
    return fail('invalid_request', `state must be at most ${MAX_STATE_LENGTH} characters; got ${state.length}.`);
  }

  const scopeCheck = checkScopes(single('scope'), app);
  if (!Array.isArray(scopeCheck)) {
    return fail(scopeCheck.error, scopeCheck.description);
  }

  const codeChallenge = single('code_challenge');
  if (codeChallenge === undefined || codeChallenge === '') {
    return fail('invalid_request', 'The parameter code_challenge is missing. Send the S256 hash of your code_verifier (PKCE is required).');
  }
  const method = single('code_challenge_method');
  if (method === undefined || method === '') {
    return fail('invalid_request', 'The parameter code_challenge_method is missing. Send S256 (or plain).');
  }
  if (!isCodeChallengeMethod(method)) {
    return fail('invalid_request', `code_challenge_method must be S256 or plain; got ${JSON.stringify(method)}.`);
  }
  if (!isValidCodeChallenge(codeChallenge, method)) {
    const rule =
      method === 'S256'
        ? 'an S256 code_challenge must be 43 characters of base64url (A-Z a-z 0-9 - _) without padding'
        : 'a plain code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~';
    return fail('invalid_request', `The code_challenge is invalid: ${rule}; got ${codeChallenge.length} characters.`);
  }

  return {
    outcome: 'valid',
    request: {
      app,
      clientId,
      redirectUri,
      scopes: scopeCheck,
      state,
      codeChallenge,
      codeChallengeMethod: method,
      parameters: {
        response_type: responseType,
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: single('scope')!,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: method,
      },
    },
  };
}

/** Serialises the request, so that a consent token can be bound to exactly these parameters. */
export function authorizationRequestKey(request: AuthorizationRequest): string {
  return JSON.stringify(AUTHORIZE_PARAMETERS.map((name) => request.parameters[name]));
}

/** Builds the redirect back to the client: the callback URL with `parameters` appended to its query. */
export function buildRedirectLocation(redirectUri: string, parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined) {
      query.append(name, value);
    }
  }

  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query.toString()}`;
}

function checkScopes(value: string | undefined, app: SandboxApp): OAuth2Scope[] | { error: AuthorizeErrorCode; description: string } {
  const names = splitScopeParameter(value ?? '');
  if (names.length === 0) {
    return { error: 'invalid_request', description: 'The parameter scope is missing. Send space-separated scopes, such as "tweet.read users.read follows.write".' };
  }
  const unknown = names.filter((name) => !isKnownScope(name));
  if (unknown.length > 0) {
    return {
      error: 'invalid_scope',
      description: `Unknown scope ${unknown.map((name) => JSON.stringify(name)).join(', ')}. Known scopes: ${Object.keys(OAUTH2_SCOPES).join(' ')}.`,
    };
  }
  const scopes = names as OAuth2Scope[];
  const writeScopes = scopes.filter(isWriteScope);
  // NOTE: X does not publish how a read-only app's write scopes fail; the sandbox rejects them here.
  if (app.permission === 'read' && writeScopes.length > 0) {
    return {
      error: 'invalid_scope',
      description: `${app.name} has read-only permission, so it cannot be granted ${writeScopes.join(' ')}. Remove those scopes or use a read-write app.`,
    };
  }

  return scopes;
}

function isAuthorizeParameter(name: string): boolean {
  return (AUTHORIZE_PARAMETERS as readonly string[]).includes(name);
}

function collectValues(parameters: readonly Parameter[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of parameters) {
    values.set(name, [...(values.get(name) ?? []), value]);
  }

  return values;
}

function listRedirectUris(clients: OAuth2ClientRegistry, clientId: string): string {
  const uris = clients.redirectUris(clientId);

  return uris.length === 0 ? '(none registered yet)' : uris.join(', ');
}
