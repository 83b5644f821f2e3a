/** Test helpers: a sandbox on an ephemeral port with a fake clock, and signed HTTP requests to it. */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

import type { SandboxPortal } from '../../shared/sandbox-portal.ts';

import { startSandbox, type RunningSandbox, type SandboxOptions } from './index.ts';
import { buildAuthorizationHeader, type SigningCredentials } from './test-signer.ts';

/** 2025-01-15T12:00:00Z, a fixed start for the fake clock. */
export const TEST_START_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
export const TEST_SEED = 'sandbox-test-seed';

export const APP_NAMES = {
  readWrite: 'Workbench Sandbox App',
  readOnly: 'Read-only Sandbox App',
  unattached: 'Unattached Sandbox App',
  publicClient: 'Public PKCE Client',
} as const;

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON; IDs in it are strings, so parsing keeps them exact. */
  json: unknown;
}

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the request line. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends a request with node:http, which, unlike fetch, allows any Host header and raw path. */
export function sendRaw(port: number, raw: RawRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    // Without an explicit Content-Length, Node sends a GET body with no length, and the server ignores it.
    const lengthHeader = raw.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(raw.body)) };
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: raw.method, path: raw.target, headers: { host: `127.0.0.1:${port}`, ...lengthHeader, ...raw.headers } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

export interface SignedRequestOptions {
  /** App name and username whose token signs the request; defaults to workbench_dev on the read-write app. */
  app?: string;
  username?: string;
  credentials?: SigningCredentials;
  /** JSON body, sent as application/json unless contentType is set. */
  json?: unknown;
  body?: string;
  contentType?: string;
  /** Host header to send and to sign. */
  host?: string;
  /** Host to put in the signed URL when it should differ from the Host header. */
  signedHost?: string;
  timestampSeconds?: number;
  nonce?: string;
}

export class SandboxHarness {
  private nonceCounter = 0;

  private constructor(
    readonly sandbox: RunningSandbox,
    readonly clock: { nowMs: number },
  ) {}

  static async start(options: Partial<SandboxOptions> = {}): Promise<SandboxHarness> {
    const clock = { nowMs: TEST_START_MS };
    const sandbox = await startSandbox({ seed: TEST_SEED, now: () => clock.nowMs, ...options });

    return new SandboxHarness(sandbox, clock);
  }

  get port(): number {
    return this.sandbox.port;
  }

  get portal(): SandboxPortal {
    return this.sandbox.portal();
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  advanceSeconds(seconds: number): void {
    this.clock.nowMs += seconds * 1000;
  }

  credentials(appName: string = APP_NAMES.readWrite, username = 'workbench_dev'): SigningCredentials {
    const portal = this.portal;
    const app = portal.apps.find((candidate) => candidate.name === appName);
    const token = portal.tokens.find((candidate) => candidate.appName === appName && candidate.username === username);
    if (!app || !token) {
      throw new Error(`no seeded token for ${username} on app "${appName}"`);
    }

    return {
      consumerKey: app.consumerKey,
      consumerSecret: app.consumerSecret,
      token: token.accessToken,
      tokenSecret: token.accessTokenSecret,
    };
  }

  bearerToken(appName: string = APP_NAMES.readWrite): string {
    const app = this.portal.apps.find((candidate) => candidate.name === appName);
    if (!app) {
      throw new Error(`no seeded app "${appName}"`);
    }

    return app.bearerToken;
  }

  nextNonce(): string {
    this.nonceCounter += 1;

    return `testnonce${this.nonceCounter}x${Math.random().toString(36).slice(2)}`;
  }

  /** Signs the request as RFC 5849 requires and sends it. */
  signed(method: string, target: string, options: SignedRequestOptions = {}): Promise<TestResponse> {
    const host = options.host ?? `127.0.0.1:${this.port}`;
    const credentials = options.credentials ?? this.credentials(options.app, options.username);
    const isJson = options.json !== undefined;
    const body = isJson ? JSON.stringify(options.json) : options.body;
    const contentType = options.contentType ?? (isJson ? 'application/json' : undefined);
    const formBody = contentType?.startsWith('application/x-www-form-urlencoded') ? body : undefined;

    const authorization = buildAuthorizationHeader({
      method,
      url: `http://${options.signedHost ?? host}${target}`,
      credentials,
      timestampSeconds: options.timestampSeconds ?? Math.floor(this.clock.nowMs / 1000),
      nonce: options.nonce ?? this.nextNonce(),
      ...(formBody === undefined ? {} : { formBody }),
    });
    const headers: Record<string, string> = { host, authorization };
    if (contentType !== undefined) {
      headers['content-type'] = contentType;
    }

    return sendRaw(this.port, { method, target, headers, ...(body === undefined ? {} : { body }) });
  }

  /** Sends the request with an app-only bearer token. */
  withBearer(method: string, target: string, bearerToken = this.bearerToken(), options: { json?: unknown } = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${bearerToken}` };
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
    }

    return sendRaw(this.port, {
      method,
      target,
      headers,
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    });
  }
}

/** Returns the x-rate-limit-* headers as strings, or undefined where missing. */
export function rateLimitHeaders(response: TestResponse): Record<string, string | undefined> {
  const read = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };

  return {
    limit: read('x-rate-limit-limit'),
    remaining: read('x-rate-limit-remaining'),
    reset: read('x-rate-limit-reset'),
  };
}
