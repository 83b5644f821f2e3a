/**
 * `POST /2/oauth2/token` and `POST /2/oauth2/revoke`. Both read an
 * `application/x-www-form-urlencoded` body and authenticate the client. Their errors use RFC 6749's
 * JSON body instead of X's problem body.
 */
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express';

import { isFormEncoded } from '../auth.ts';
import { parseFormEncoded, PercentDecodingError } from '../percent-encoding.ts';
import type { SandboxState } from '../state.ts';

import { authenticateClient } from './client-auth.ts';
import { sendTokenError, setNoStoreHeaders, TokenEndpointError } from './token-errors.ts';
import { exchangeToken, revokeToken, type FormValues } from './token-grants.ts';

export const TOKEN_PATH = '/2/oauth2/token';
export const REVOKE_PATH = '/2/oauth2/revoke';

/** A token request needs well under 1 KiB. */
const MAX_FORM_BYTES = 8192;

export function mountTokenRoutes(app: Express, state: SandboxState): void {
  const router = Router({ caseSensitive: true, strict: true });
  const readBody = express.raw({ type: () => true, limit: MAX_FORM_BYTES });

  router.post(TOKEN_PATH, readBody, (request, response) => {
    const form = readForm(request);
    const client = authenticateClient(clientCredentials(request, form), state.oauth2.clients);

    const body = exchangeToken(client, form, state.oauth2.grants, state.now());

    setNoStoreHeaders(response);
    response.status(200).json(body);
  });

  router.post(REVOKE_PATH, readBody, (request, response) => {
    const form = readForm(request);
    const client = authenticateClient(clientCredentials(request, form), state.oauth2.clients);

    const body = revokeToken(client, form, state.oauth2.grants);

    setNoStoreHeaders(response);
    response.status(200).json(body);
  });

  router.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    const tokenError = toTokenError(error);
    if (!tokenError) {
      next(error);
      return;
    }
    state.logger.info({ path: request.path, error: tokenError.code, description: tokenError.description }, 'OAuth 2.0 token request rejected');
    sendTokenError(response, tokenError);
  });

  app.use(router);
}

/**
 * Parses the form body into single values. RFC 6749 section 3.2 forbids repeated parameters, and
 * sending JSON instead of a form is a common mistake, so both get an error that names the fix.
 */
function readForm(request: Request): FormValues {
  if (!isFormEncoded(request)) {
    const received = request.headers['content-type'] ?? 'no Content-Type';
    throw new TokenEndpointError('invalid_request', `The body must be application/x-www-form-urlencoded; got ${received}.`);
  }

  let parameters: [string, string][];
  try {
    parameters = parseFormEncoded(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
  } catch (error) {
    if (!(error instanceof PercentDecodingError)) {
      throw error;
    }
    // The message leaves out the malformed part, because it may be a piece of a code or token.
    throw new TokenEndpointError('invalid_request', 'The body has invalid percent-encoding. Encode each value with encodeURIComponent.');
  }

  const form = new Map<string, string>();
  for (const [name, value] of parameters) {
    if (form.has(name)) {
      throw new TokenEndpointError('invalid_request', `The parameter ${name} was sent more than once. Send it once.`);
    }
    form.set(name, value);
  }

  return form;
}

function clientCredentials(request: Request, form: FormValues) {
  return { authorization: request.headers.authorization, clientId: form.get('client_id'), clientSecret: form.get('client_secret') };
}

function toTokenError(error: unknown): TokenEndpointError | null {
  if (error instanceof TokenEndpointError) {
    return error;
  }
  if ((error as { type?: unknown }).type === 'entity.too.large') {
    return new TokenEndpointError('invalid_request', `The body is larger than ${MAX_FORM_BYTES} bytes.`);
  }

  return null;
}
