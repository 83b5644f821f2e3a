import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { EnvironmentView, SendRequest, SessionInfo } from '../../shared/api.ts';
import { loadConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startWorkbench, type RunningWorkbench } from '../workbench.ts';

/**
 * Starts a real workbench (server, sandbox and database) on ephemeral loopback ports with its own
 * temporary data folder, for integration tests. Everything it logs is kept in `logLines`.
 */

export interface TestWorkbench extends RunningWorkbench {
  dataDir: string;
  logLines: string[];
  /** A browser-like client with its own session cookie and CSRF token. */
  newClient(): Promise<ApiClient>;
  stop(): Promise<void>;
}

export interface TestWorkbenchOptions {
  dataDir?: string;
  /** Clock of the workbench's OAuth 2.0 token expiry checks, in milliseconds; the sandbox keeps the real clock. */
  now?: () => number;
}

export async function startTestWorkbench(env: Record<string, string> = {}, options: TestWorkbenchOptions = {}): Promise<TestWorkbench> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-test-'));
  const config: Config = loadConfig({ PORT: '0', SANDBOX_PORT: '0', WORKBENCH_DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...env });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  });
  const workbench = await startWorkbench({
    config,
    logger: createLogger(config.logLevel, destination),
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  return {
    ...workbench,
    dataDir,
    logLines,
    newClient: () => ApiClient.connect(workbench.url),
    async stop() {
      await workbench.close(2000);
      if (!options.dataDir) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/** Talks to /api like the workbench page does: session cookie, CSRF header, JSON bodies. */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    readonly session: SessionInfo,
  ) {}

  /** Returns a client with the same session for another address, such as the same data folder after a restart. */
  withBaseUrl(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.cookie, this.session);
  }

  static async connect(baseUrl: string): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/session`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0]!;

    return new ApiClient(baseUrl, cookie, (await response.json()) as SessionInfo);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'content-type': 'application/json',
        'x-csrf-token': this.session.csrfToken,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();

    return { status: response.status, headers: response.headers, text, json: (text === '' ? null : JSON.parse(text)) as T };
  }

  async environments(): Promise<EnvironmentView[]> {
    return (await this.request<EnvironmentView[]>('GET', '/api/environments')).json;
  }

  async environmentNamed(name: string): Promise<EnvironmentView> {
    const environment = (await this.environments()).find((candidate) => candidate.name === name);
    if (!environment) {
      throw new Error(`No environment named ${name}`);
    }
    return environment;
  }

  send<T = unknown>(input: Omit<SendRequest, 'query' | 'body' | 'pathVariables'> & Partial<SendRequest>): Promise<ApiResponse<T>> {
    return this.request<T>('POST', '/api/send', { pathVariables: {}, query: [], body: null, ...input });
  }
}
