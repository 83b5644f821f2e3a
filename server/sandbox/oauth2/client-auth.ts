/**
 * Client authentication at the token and revoke endpoints, as X documents it: a confidential
 * client sends `Authorization: Basic base64(client_id:client_secret)`, and a public client sends
 * only `client_id` in the body.
 */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import { decodeFormComponent, PercentDecodingError } from '../percent-encoding.ts';

import type { OAuth2ClientRegistry } from './clients.ts';
import { equalInConstantTime } from './constant-time.ts';
import { TokenEndpointError } from './token-errors.ts';

const BASIC = /^Basic[ \t]+([A-Za-z0-9+/]+=*)[ \t]*$/i;

const HOW_TO_AUTHENTICATE =
  'A confidential client sends Authorization: Basic base64(client_id:client_secret). A public client sends client_id in the body.';

export interface ClientCredentials {
  authorization: string | undefined;
  /** The body's client_id, if any. */
  clientId: string | undefined;
  /** The body's client_secret, if any. X does not accept it there. */
  clientSecret: string | undefined;
}

/** Returns the app of the authenticated client, or throws invalid_client (401) or invalid_request. */
export function authenticateClient(credentials: ClientCredentials, clients: OAuth2ClientRegistry): SandboxApp {
  if (credentials.clientSecret !== undefined) {
    throw new TokenEndpointError('invalid_client', `Send client_secret in the Authorization header, not in the body. ${HOW_TO_AUTHENTICATE}`);
  }
  if (credentials.authorization !== undefined) {
    return authenticateWithBasic(credentials.authorization, credentials.clientId, clients);
  }

  const clientId = credentials.clientId;
  if (clientId === undefined || clientId === '') {
    throw new TokenEndpointError('invalid_client', `Client authentication is missing. ${HOW_TO_AUTHENTICATE}`);
  }
  const app = clients.findApp(clientId);
  if (!app) {
    throw new TokenEndpointError('invalid_client', `No sandbox app has the client_id ${JSON.stringify(clientId)}. Copy a client ID from the developer portal.`);
  }
  if (app.oauth2.clientType === 'confidential') {
    throw new TokenEndpointError(
      'invalid_client',
      `${app.name} is a confidential client, so it must authenticate with Authorization: Basic base64(client_id:client_secret).`,
    );
  }

  return app;
}

function authenticateWithBasic(authorization: string, bodyClientId: string | undefined, clients: OAuth2ClientRegistry): SandboxApp {
  const match = BASIC.exec(authorization);
  if (!match) {
    throw new TokenEndpointError('invalid_client', `The Authorization header must use the Basic scheme. ${HOW_TO_AUTHENTICATE}`);
  }
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator === -1) {
    throw new TokenEndpointError('invalid_client', 'The Basic credentials must be base64(client_id:client_secret), with a colon between the two.');
  }
  // RFC 6749 section 2.3.1 form-encodes the ID and the secret before they are joined.
  let clientId: string;
  let clientSecret: string;
  try {
    clientId = decodeFormComponent(decoded.slice(0, separator));
    clientSecret = decodeFormComponent(decoded.slice(separator + 1));
  } catch (error) {
    if (!(error instanceof PercentDecodingError)) {
      throw error;
    }
    throw new TokenEndpointError('invalid_client', 'The Basic credentials contain invalid percent-encoding.');
  }

  const app = clients.findApp(clientId);
  if (!app) {
    throw new TokenEndpointError('invalid_client', `No sandbox app has the client_id ${JSON.stringify(clientId)}. Copy a client ID from the developer portal.`);
  }
  const expectedSecret = app.oauth2.clientSecret;
  if (expectedSecret === null) {
    throw new TokenEndpointError(
      'invalid_client',
      `${app.name} is a public client without a secret. Send client_id in the body instead of an Authorization header.`,
    );
  }
  if (!equalInConstantTime(clientSecret, expectedSecret)) {
    throw new TokenEndpointError('invalid_client', `The client secret is wrong for client_id ${clientId}. Copy the secret from the developer portal.`);
  }
  if (bodyClientId !== undefined && bodyClientId !== clientId) {
    throw new TokenEndpointError('invalid_request', `The body's client_id ${JSON.stringify(bodyClientId)} differs from the client in the Authorization header (${clientId}).`);
  }

  return app;
}
