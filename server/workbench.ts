import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { loadOrCreateKeyFile, SecretBox } from './crypto/secret-box.ts';
import { openDatabase } from './db/database.ts';
import { createFileOnce } from './fs/create-file-once.ts';
import { ConnectionDrain } from './http/connection-drain.ts';
import { startSandbox, type RunningSandbox } from './sandbox/index.ts';

/**
 * Starts the whole workbench: the X sandbox on its own loopback listener, the database, and the
 * workbench server. Used by `main.ts`, by integration tests and by the benchmark.
 */

export interface RunningWorkbench {
  url: string;
  sandboxUrl: string;
  /** Stops accepting, lets in-flight requests finish up to `deadlineMs`, then closes everything. */
  close(deadlineMs?: number): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Folder of the built client to serve; omitted to serve only the API. */
  staticDir?: string;
  /** Clock of the workbench's OAuth 2.0 token expiry checks, in milliseconds; tests move it forward. */
  now?: () => number;
}

export async function startWorkbench({ config, logger, staticDir, now }: StartOptions): Promise<RunningWorkbench> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secretBox = new SecretBox(config.secretKey ?? loadOrCreateKeyFile(config.dataDir));
  const db = openDatabase(path.join(config.dataDir, 'workbench.db'));

  // A new secret at every start, because only this process calls the sandbox's control API.
  // The browser never receives it.
  const sandboxAdminToken = randomBytes(32).toString('base64url');
  const sandbox = await startSandbox({
    seed: loadOrCreateSandboxSeed(config.dataDir),
    adminToken: sandboxAdminToken,
    host: '127.0.0.1',
    port: config.sandboxPort,
    logger: logger.child({ component: 'sandbox' }),
  });

  let port = config.port;
  let url = '';
  const app = createApp({
    config,
    logger,
    db,
    secretBox,
    sandboxUrl: sandbox.url,
    sandboxPortal: sandbox.portal(),
    sandboxAdminToken,
    getPort: () => port,
    getOAuth2RedirectUri: () => config.oauth2RedirectUri ?? `${url}/oauth2/callback`,
    ...(now === undefined ? {} : { now }),
    ...(staticDir === undefined ? {} : { staticDir }),
  });
  const server = app.listen(config.port, config.host);
  const drain = new ConnectionDrain(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  registerSandboxRedirectUri(sandbox, config.oauth2RedirectUri ?? `${url}/oauth2/callback`);

  let closing: Promise<void> | null = null;
  const close = (deadlineMs = 10_000): Promise<void> => {
    closing ??= (async () => {
      logger.info('shutdown: no longer accepting connections');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      drain.start();
      server.closeIdleConnections();
      const deadline = setTimeout(() => {
        logger.warn({ deadlineMs }, 'shutdown: deadline reached, closing the remaining connections');
        server.closeAllConnections();
      }, deadlineMs);
      await closed;
      clearTimeout(deadline);
      logger.info('shutdown: in-flight requests finished');
      await sandbox.close();
      logger.info('shutdown: sandbox stopped');
      db.close();
      logger.info('shutdown: database closed');
    })();
    return closing;
  };

  return { url, sandboxUrl: sandbox.url, close };
}

/** Lets every sandbox OAuth 2.0 client redirect to the workbench, as a developer registers a callback URL at X. */
function registerSandboxRedirectUri(sandbox: RunningSandbox, redirectUri: string): void {
  for (const app of sandbox.portal().apps) {
    sandbox.registerRedirectUri(app.oauth2.clientId, redirectUri);
  }
}

/** Seed of the sandbox's keys and tokens, kept in the data folder so they survive restarts. */
function loadOrCreateSandboxSeed(dataDir: string): string {
  const file = path.join(dataDir, 'sandbox.seed');
  createFileOnce(file, randomBytes(32).toString('hex'));

  return fs.readFileSync(file, 'utf8').trim();
}
