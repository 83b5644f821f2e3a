/** In-memory state of the sandbox's OAuth 2.0 authorization server. */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import { OAuth2ClientRegistry } from './clients.ts';
import { ConsentTokens } from './consent-tokens.ts';
import { GrantStore } from './grant-store.ts';

export interface OAuth2State {
  readonly clients: OAuth2ClientRegistry;
  /** Authorization codes, access tokens and refresh tokens. */
  readonly grants: GrantStore;
  /** Anti-CSRF values of the consent pages shown so far. */
  readonly consents: ConsentTokens;
  /** Forgets issued codes, tokens and consent pages. Registered redirect URIs stay, because they are configuration. */
  reset(): void;
}

export function createOAuth2State(apps: readonly SandboxApp[], now: () => number): OAuth2State {
  const grants = new GrantStore(now);
  const consents = new ConsentTokens(now);

  return {
    clients: new OAuth2ClientRegistry(apps),
    grants,
    consents,
    reset() {
      grants.clear();
      consents.clear();
    },
  };
}
