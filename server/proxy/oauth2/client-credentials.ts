import { ApiError } from '../../http/errors.ts';
import type { ResolvedVariable } from '../environments/store.ts';
import type { ClientCredentials } from './token-client.ts';

/**
 * Reads the OAuth 2.0 client of an environment from its client_id and client_secret variables.
 * An empty or disabled client_secret makes it a public client.
 */
export function readClientCredentials(variables: ReadonlyMap<string, ResolvedVariable>, environmentName: string): ClientCredentials {
  const clientId = variables.get('client_id');
  if (!clientId || !clientId.enabled || clientId.value === '') {
    throw new ApiError(
      'invalid_request',
      `OAuth 2.0 needs client_id, which is not set in environment ${JSON.stringify(environmentName)} (open Manage environments and paste the OAuth 2.0 Client ID from the X developer portal, under your app's "Keys and tokens")`,
      { field: 'environment.client_id' },
    );
  }
  const clientSecret = variables.get('client_secret');
  const secret = clientSecret && clientSecret.enabled && clientSecret.value !== '' ? clientSecret.value : null;

  return { clientId: clientId.value, clientSecret: secret };
}
