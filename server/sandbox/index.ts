/**
 * The X sandbox: a local X API v2 for the follows and user-lookup endpoints, with real OAuth 1.0a
 * verification, rate limits and X's error bodies. State lives in memory and resets on restart.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Express } from 'express';
import { pino, type Logger } from 'pino';

import type { SandboxPortal } from '../../shared/sandbox-portal.ts';

import { createSandboxApp } from './app.ts';
import { buildPortal } from './portal.ts';
import type { RateLimitMode } from './rate-limit.ts';
import { createSandboxState, type SandboxState } from './state.ts';

export { percentEncode } from './percent-encoding.ts';
export { buildBaseString, buildBaseUrl, collectParameters, computeSignature, parseAuthorizationHeader } from './oauth1.ts';
export type { OAuth1FailureReason } from './oauth1.ts';
export { SEEDED_USER_IDS } from './seed.ts';
export { rateLimitBucketKey, RATE_LIMITS } from './rate-limit.ts';
export type { RateLimitMode } from './rate-limit.ts';
export { AUTH_ERROR_HEADER } from './problems.ts';
export type { SandboxState } from './state.ts';

export interface SandboxOptions {
  /** Secret seed from which all sandbox keys and tokens are derived (HMAC), so they stay stable across restarts for the same seed. */
  seed: string;
  /** Clock in milliseconds since the epoch; defaults to Date.now. Tests inject a fake clock. */
  now?: () => number;
  /** Extra Host header names allowed besides 127.0.0.1/localhost/[::1] with the listening port. */
  allowedHosts?: string[];
  /** Logger that gets one line per request and never a secret. Defaults to a silent logger. */
  logger?: Logger;
  /**
   * 'off' lets every request through and counts none, so that `npm run bench` can send thousands
   * of follows. The x-rate-limit-* headers then always report a full window. Defaults to 'enforced'.
   */
  rateLimits?: RateLimitMode;
  /**
   * Secret that the control API under /__sandbox requires in the x-sandbox-admin-token header, to
   * provision tenants and apply scenarios. Without it the control API does not exist.
   */
  adminToken?: string;
}

export interface Sandbox {
  /** The Express app, for tests without a port. */
  app: Express;
  /** The data of the developer-portal page. */
  portal(): SandboxPortal;
  /** Goes back to the seeded state: graph, nonces, rate-limit counters and OAuth 2.0 codes and tokens. */
  reset(): void;
  /**
   * Adds a callback URL that `/i/oauth2/authorize` accepts for an OAuth 2.0 client, such as the
   * workbench's own callback once it listens on its port. Throws for an unknown client ID or a URL that
   * is not absolute http(s), or that has a fragment or a user name.
   */
  registerRedirectUri(clientId: string, uri: string): void;
  /**
   * The in-memory state, for scenarios and benchmarks, such as
   * `state.graph.addGeneratedFollowers(id, 100_000)` or `state.rateLimiter.setRemaining(key, 1)`.
   */
  state: SandboxState;
}

export interface RunningSandbox extends Sandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  if (options.seed === '') {
    throw new Error('SandboxOptions.seed must not be empty; pass a secret string from which the sandbox derives its keys');
  }
  if (options.adminToken !== undefined && options.adminToken.length < 16) {
    throw new Error(`SandboxOptions.adminToken must have at least 16 characters; got ${options.adminToken.length}`);
  }
  const logger = options.logger ?? pino({ level: 'silent' });
  const state = createSandboxState(options.seed, options.now ?? Date.now, logger, options.allowedHosts ?? [], options.rateLimits);

  return {
    app: createSandboxApp(state, options.adminToken),
    portal: () => buildPortal(state),
    reset: () => state.reset(),
    registerRedirectUri: (clientId, uri) => state.oauth2.clients.registerRedirectUri(clientId, uri),
    state,
  };
}

/** Listens on host (default 127.0.0.1) and port (0 = ephemeral). url is like http://127.0.0.1:PORT */
export async function startSandbox(options: SandboxOptions & { host?: string; port?: number }): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const host = options.host ?? '127.0.0.1';
  const server = createServer(sandbox.app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  sandbox.state.logger.info({ url }, 'X sandbox listening');

  return {
    ...sandbox,
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => sandbox.state.logger.info({ url }, 'X sandbox stopped')),
  };
}
