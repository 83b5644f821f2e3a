/** Everything the sandbox keeps in memory, and how it goes back to the seeded state. */
import type { Logger } from 'pino';

import { CredentialStore } from './credentials.ts';
import { deriveKey } from './derive.ts';
import { FollowGraph } from './graph.ts';
import { OAuth1Verifier } from './oauth1-verifier.ts';
import { createOAuth2State, type OAuth2State } from './oauth2/oauth2-state.ts';
import { PaginationTokens } from './pagination.ts';
import { RateLimiter, type RateLimitMode } from './rate-limit.ts';
import { createSeedCredentials, seedGraph } from './seed.ts';
import { TenantRegistry } from './tenants/registry.ts';
import { restoreTenantFlags } from './tenants/scenarios.ts';

export interface SandboxState {
  /** Replaced on reset, so read it from the state each time instead of keeping a reference. */
  graph: FollowGraph;
  readonly credentials: CredentialStore;
  readonly verifier: OAuth1Verifier;
  readonly rateLimiter: RateLimiter;
  readonly paginationTokens: PaginationTokens;
  /** OAuth 2.0 clients, authorization codes and tokens. */
  readonly oauth2: OAuth2State;
  /** One app, user and scenario state per workbench workspace. */
  readonly tenants: TenantRegistry;
  readonly now: () => number;
  readonly logger: Logger;
  /** Host header values accepted besides loopback names with the listening port, lower-cased. */
  readonly allowedHosts: readonly string[];
  /**
   * Restores the seeded graph and clears every recorded nonce, rate-limit counter and OAuth 2.0
   * code and token. Registered OAuth 2.0 redirect URIs and the tenants stay, with their scenarios
   * undone and their users back in the graph.
   */
  reset(): void;
}

export function createSandboxState(
  seed: string,
  now: () => number,
  logger: Logger,
  allowedHosts: readonly string[],
  rateLimits: RateLimitMode = 'enforced',
): SandboxState {
  const credentials = new CredentialStore(createSeedCredentials(seed));
  const tenants = new TenantRegistry(seed, credentials);
  const verifier = new OAuth1Verifier(credentials, now, (consumerKey) => tenants.clockOffsetForConsumerKey(consumerKey));
  const rateLimiter = new RateLimiter(now, rateLimits);
  const oauth2 = createOAuth2State(credentials.seeded.apps, now);

  const state: SandboxState = {
    graph: createSeededGraph(),
    credentials,
    verifier,
    rateLimiter,
    paginationTokens: new PaginationTokens(deriveKey(seed, 'pagination-token')),
    oauth2,
    tenants,
    now,
    logger,
    allowedHosts: allowedHosts.map((host) => host.toLowerCase()),
    reset() {
      state.graph = createSeededGraph();
      verifier.reset();
      rateLimiter.reset();
      oauth2.reset();
      tenants.addUsersTo(state.graph);
      tenants.list().forEach(restoreTenantFlags);
    },
  };

  return state;
}

function createSeededGraph(): FollowGraph {
  const graph = new FollowGraph();
  seedGraph(graph);

  return graph;
}
