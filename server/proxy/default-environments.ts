import type { SandboxPortal } from '../../shared/sandbox-portal.ts';
import type { EnvironmentStore } from './environments/store.ts';
import { X_API_ORIGINS } from './upstreams.ts';

const WELL_KNOWN_KEYS = ['consumer_key', 'consumer_secret', 'access_token', 'token_secret', 'bearer_token', 'client_id', 'client_secret'] as const;

/** Keys of "X Sandbox" that come from the workspace's sandbox tenant when tenants are on. */
const TENANT_KEYS: ReadonlySet<string> = new Set(['consumer_key', 'consumer_secret', 'access_token', 'token_secret', 'bearer_token']);

export interface SeedOptions {
  /** Leaves the tenant keys unset, for SandboxTenants to fill with the workspace's own tenant keys. */
  tenantKeys: boolean;
}

/**
 * Creates the two environments every new workspace starts with: "X Sandbox", filled with the
 * sandbox app's keys, its OAuth 2.0 client and its developer user's token, and "X API", with empty
 * keys for the user's own.
 */
export function seedDefaultEnvironments(store: EnvironmentStore, workspaceId: string, portal: SandboxPortal, options: SeedOptions = { tenantKeys: false }): void {
  const app = portal.apps[0]!;
  const token = portal.tokens[0]!;
  const sandboxValues: Record<(typeof WELL_KNOWN_KEYS)[number], string> = {
    consumer_key: app.consumerKey,
    consumer_secret: app.consumerSecret,
    access_token: token.accessToken,
    token_secret: token.accessTokenSecret,
    bearer_token: app.bearerToken,
    client_id: app.oauth2.clientId,
    client_secret: app.oauth2.clientSecret ?? '',
  };

  store.create(
    workspaceId,
    {
      name: 'X Sandbox',
      baseUrl: 'sandbox:',
      variables: WELL_KNOWN_KEYS.map((key) => ({ key, value: options.tenantKeys && TENANT_KEYS.has(key) ? '' : sandboxValues[key] })),
    },
    'sandbox',
  );
  store.create(workspaceId, {
    name: 'X API',
    baseUrl: X_API_ORIGINS[0],
    variables: WELL_KNOWN_KEYS.map((key) => ({ key })),
  });
}
