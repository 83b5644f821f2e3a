import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentView, SendRequest, SendResult } from '../../shared/api.ts';
import type { SandboxPortal } from '../../shared/sandbox-portal.ts';
import { ApiClient } from '../testing/test-workbench.ts';
import { spawnWorkbench, type WorkbenchProcess } from '../testing/workbench-process.ts';
import { LOAD_CLIENTS, LOAD_SENDS } from './soak.ts';

/**
 * Sends through the proxy to the sandbox from many concurrent clients, against the real server
 * process. Every send must come back as a SendResult: a 200 from the sandbox, or the sandbox's own
 * 429 once a rate limit is used up (follow allows 50 per user per 15 minutes, so most follows get
 * one). The page and the environment list must keep responding during the run, and the server's
 * resident memory must not grow by more than MAX_RSS_GROWTH_BYTES.
 */

/**
 * Generous on purpose: the sandbox keeps every nonce for its 5-minute timestamp window (a few
 * hundred bytes each), and V8 grows its heap lazily, so RSS rises even without a leak.
 */
const MAX_RSS_GROWTH_BYTES = 200 * 1024 * 1024;
const WARM_UP_SENDS = 200;
const PAGE_HTML = '<!DOCTYPE html><html><head><title>X API Workbench</title></head><body><div id="root"></div></body></html>';
const TWITTER_DEV = '2244994945';

type Outcome = 'ok' | 'sandbox_429' | 'failure';

interface RequestKind {
  name: string;
  input: Omit<SendRequest, 'environmentId'>;
}

const KINDS: RequestKind[] = [
  { name: 'me', input: { requestId: 'me', pathVariables: {}, query: [], body: null } },
  { name: 'user-by-username', input: { requestId: 'user-by-username', pathVariables: { username: 'XDevelopers' }, query: [], body: null } },
  { name: 'following', input: { requestId: 'following', pathVariables: {}, query: [{ key: 'max_results', value: '5', enabled: true }], body: null } },
  { name: 'followers', input: { requestId: 'followers', pathVariables: { id: TWITTER_DEV }, query: [], body: null } },
  { name: 'follow', input: { requestId: 'follow', pathVariables: {}, query: [], body: `{"target_user_id":"${TWITTER_DEV}"}` } },
  { name: 'unfollow', input: { requestId: 'unfollow', pathVariables: { target_user_id: TWITTER_DEV }, query: [], body: null } },
];

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-load-page-'));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-load-'));
let server: WorkbenchProcess;

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), PAGE_HTML);
  server = await spawnWorkbench({
    dataDir,
    entry: 'server/testing/workbench-entry.ts',
    env: { WORKBENCH_TEST_STATIC_DIR: staticDir, WORKBENCH_SENDS_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' },
  });
});

afterAll(async () => {
  server.kill('SIGTERM');
  await server.exited;
  fs.rmSync(staticDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Classifies one send: the sandbox's response, its own 429, or anything else, which is a failure. */
function classify(status: number, result: SendResult): Outcome {
  if (status !== 200) {
    return 'failure';
  }
  if (result.response.status === 200) {
    return 'ok';
  }
  const remaining = new Map(result.response.headers).get('x-rate-limit-remaining');
  if (result.response.status === 429 && remaining === '0' && result.response.body.includes('"Too Many Requests"')) {
    return 'sandbox_429';
  }

  return 'failure';
}

async function createSecondUserEnvironment(client: ApiClient): Promise<EnvironmentView> {
  const portal = (await (await fetch(`${server.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
  const app = portal.apps[0]!;
  const token = portal.tokens.find((candidate) => candidate.appName === app.name && candidate.username === 'ada_builds')!;
  const created = await client.request<EnvironmentView>('POST', '/api/environments', {
    name: 'Sandbox as ada_builds',
    baseUrl: server.sandboxUrl,
    variables: [
      { key: 'consumer_key', value: app.consumerKey },
      { key: 'consumer_secret', value: app.consumerSecret },
      { key: 'access_token', value: token.accessToken },
      { key: 'token_secret', value: token.accessTokenSecret },
    ],
  });
  expect(created.status, created.text).toBe(201);

  return created.json;
}

describe('load', () => {
  it(`proxies ${LOAD_SENDS} sends from ${LOAD_CLIENTS} concurrent clients without a failure`, async () => {
    const clients = await Promise.all(Array.from({ length: LOAD_CLIENTS }, () => ApiClient.connect(server.url)));
    const environmentIds = [(await clients[0]!.environmentNamed('X Sandbox')).id, (await createSecondUserEnvironment(clients[0]!)).id];
    const counts = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;

    const sendOne = async (client: ApiClient, index: number): Promise<void> => {
      const kind = KINDS[index % KINDS.length]!;
      const environmentId = environmentIds[Math.floor(index / KINDS.length) % environmentIds.length]!;
      const { status, json, text } = await client.send<SendResult>({ environmentId, ...kind.input });
      const outcome = classify(status, json);
      const key = `${kind.name} ${outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (outcome === 'failure' && failures.length < 10) {
        failures.push(`${kind.name}: ${status} ${text.slice(0, 300)}`);
      }
    };
    const runClient = async (client: ApiClient, total: number): Promise<void> => {
      for (let index = next++; index < total; index = next++) {
        await sendOne(client, index);
      }
    };

    await Promise.all(clients.map((client) => runClient(client, WARM_UP_SENDS)));
    const rssBefore = server.rssBytes();
    let peakRss = rssBefore;
    let running = true;
    const probes = { page: [] as number[], environments: [] as number[] };
    const probe = (async () => {
      const prober = await ApiClient.connect(server.url);
      while (running) {
        const page = await fetch(`${server.url}/`);
        await page.text();
        probes.page.push(page.status);
        probes.environments.push((await prober.request('GET', '/api/environments')).status);
        peakRss = Math.max(peakRss, server.rssBytes());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    next = 0;
    counts.clear();
    await Promise.all(clients.map((client) => runClient(client, LOAD_SENDS)));
    running = false;
    await probe;
    const rssAfter = server.rssBytes();

    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const sandbox429 = [...counts].filter(([key]) => key.endsWith(' sandbox_429')).reduce((sum, [, count]) => sum + count, 0);
    const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.info(
      `load: ${total} sends from ${LOAD_CLIENTS} clients, ${sandbox429} sandbox 429s, ` +
        `${probes.page.length} page probes; RSS ${mebibytes(rssBefore)} before, ${mebibytes(peakRss)} peak, ${mebibytes(rssAfter)} after; ` +
        `by kind: ${[...counts].sort().map(([key, count]) => `${key}=${count}`).join(', ')}`,
    );

    expect(failures).toEqual([]);
    expect(total).toBe(LOAD_SENDS);
    expect(probes.page.length).toBeGreaterThan(0);
    expect(probes.page.every((status) => status === 200)).toBe(true);
    expect(probes.environments.every((status) => status === 200)).toBe(true);
    expect(rssAfter - rssBefore).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  }, 600_000);
});
