import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentView, SendResult } from '../../shared/api.ts';
import { type FaultServer, OK_BODY, startFaultServer } from '../testing/fault-server.ts';
import { ApiClient, startTestWorkbench } from '../testing/test-workbench.ts';
import { spawnWorkbench, type WorkbenchProcess } from '../testing/workbench-process.ts';

/**
 * SIGTERM and SIGINT stop the real server process cleanly: it stops accepting connections, lets
 * in-flight sends finish, closes the database and exits 0, logging each step.
 */

const FAKE_CREDENTIALS = [
  { key: 'consumer_key', value: 'fault-consumer-key' },
  { key: 'consumer_secret', value: 'fault-consumer-secret' },
  { key: 'access_token', value: '1588987262754234368-fault-access-token' },
  { key: 'token_secret', value: 'fault-token-secret' },
];

const SHUTDOWN_STEPS = [
  'shutdown: signal received',
  'shutdown: no longer accepting connections',
  'shutdown: in-flight requests finished',
  'shutdown: sandbox stopped',
  'shutdown: database closed',
  'shutdown: done',
];

let faults: FaultServer;
const dataDirs: string[] = [];
const running: WorkbenchProcess[] = [];

beforeAll(async () => {
  faults = await startFaultServer({ slowDelayMs: 1000 });
});

afterEach(() => {
  for (const child of running.splice(0)) {
    child.kill('SIGKILL');
  }
});

afterAll(async () => {
  await faults.close();
  for (const dataDir of dataDirs) {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function spawnServer(): Promise<{ server: WorkbenchProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-shutdown-'));
  dataDirs.push(dataDir);
  const server = await spawnWorkbench({ dataDir, env: { WORKBENCH_ALLOWED_UPSTREAMS: faults.url } });
  running.push(server);

  return { server, dataDir };
}

/** Returns the `msg` of every JSON log line, in order. */
function logMessages(server: WorkbenchProcess): string[] {
  return server.output.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { msg: string }).msg);
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    if (condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe('graceful shutdown', () => {
  it('finishes an in-flight send on SIGTERM, refuses new connections and exits 0', async () => {
    const { server, dataDir } = await spawnServer();
    const client = await ApiClient.connect(server.url);
    const created = await client.request<EnvironmentView>('POST', '/api/environments', {
      name: 'Slow upstream',
      baseUrl: faults.url,
      variables: FAKE_CREDENTIALS,
    });
    const inFlight = client.send<SendResult>({ environmentId: created.json.id, requestId: 'user-by-username', pathVariables: { username: 'slow' } });
    await waitFor(() => faults.requests.some((request) => request.url.endsWith('/slow')), 'the slow send to reach the fault server');

    server.kill('SIGTERM');
    await waitFor(() => logMessages(server).includes('shutdown: no longer accepting connections'), 'the shutdown to begin');
    const lateConnection = await fetch(`${server.url}/api/session`).then(
      (response) => `answered ${response.status}`,
      (error: Error) => (error.cause as { code?: string } | undefined)?.code ?? error.message,
    );
    const sent = await inFlight;
    const exit = await server.exited;

    expect(lateConnection).toBe('ECONNREFUSED');
    expect(sent.status).toBe(200);
    expect(sent.json.response.status).toBe(200);
    expect(sent.json.response.body).toBe(OK_BODY);
    expect(sent.headers.get('connection')).toBe('close');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(logMessages(server).filter((message) => message.startsWith('shutdown:'))).toEqual(SHUTDOWN_STEPS);
    expect(fs.existsSync(path.join(dataDir, 'workbench.db-wal'))).toBe(false);
  });

  it('stops an idle server on SIGINT and exits 0', async () => {
    const { server, dataDir } = await spawnServer();

    server.kill('SIGINT');
    const exit = await server.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(logMessages(server).filter((message) => message.startsWith('shutdown:'))).toEqual(SHUTDOWN_STEPS);
    expect(fs.existsSync(path.join(dataDir, 'workbench.db-wal'))).toBe(false);
  });

  it('closes connections still open at the deadline', async () => {
    const workbench = await startTestWorkbench({ WORKBENCH_ALLOWED_UPSTREAMS: faults.url });
    const client = await workbench.newClient();
    const created = await client.request<EnvironmentView>('POST', '/api/environments', {
      name: 'Silent upstream',
      baseUrl: faults.url,
      variables: FAKE_CREDENTIALS,
    });
    const stuck = client
      .send({ environmentId: created.json.id, requestId: 'user-by-username', pathVariables: { username: 'no_answer' } })
      .then(
        () => 'answered',
        (error: Error) => error.message,
      );
    await waitFor(() => faults.requests.some((request) => request.url.endsWith('/no_answer')), 'the send to reach the fault server');

    await workbench.stop();

    expect(await stuck).toBe('fetch failed');
    expect(workbench.logLines.some((line) => line.includes('shutdown: deadline reached'))).toBe(true);
    expect(workbench.logLines.some((line) => line.includes('shutdown: database closed'))).toBe(true);
  });
});
