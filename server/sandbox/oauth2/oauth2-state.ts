/** In-memory state of the sandbox's OAuth 2.0 authorization server. */
import type { SandboxApp } from '../../../shared/sandbox-portal.ts';

import { OAuth2ClientRegistry } from './clients.ts';

export interface OAuth2State {
  readonly clients: OAuth2ClientRegistry;
  /** Forgets issued codes and tokens. Registered redirect URIs stay, because they are configuration. */
  reset(): void;
}

export function createOAuth2State(apps: readonly SandboxApp[]): OAuth2State {
  const clients = new OAuth2ClientRegistry(apps);

  return {
    clients,
    reset() {},
  };
}
