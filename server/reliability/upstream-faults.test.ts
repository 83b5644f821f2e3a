import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../shared/api.ts';
import { loadConfig } from '../config.ts';
import {
  BAD_JSON_BODY,
  ERROR_500_BODY,
  ERROR_503_BODY,
  type Fault,
  type FaultServer,
  findClosedPortOrigin,
  HTML_BODY,
  HUGE_BODY_BYTES,
  OK_BODY,
  startFaultServer,
} from '../testing/fault-server.ts';
import { type ApiClient, type ApiResponse, startTestWorkbench, type TestWorkbench } from '../testing/test-workbench.ts';
import { MAX_KEPT_BODY_BYTES } from '../proxy/send/forward.ts';

/**
 * Every upstream fault that a real network or a broken X can produce, against the real proxy over
 * real HTTP. A fault that arrives as an HTTP response comes back as a SendResult with the raw body.
 * A transport fault comes back as an ApiError that names the target. The server stays up throughout.
 */

const TIMEOUT_MS = 2000;
/** Credentials are never checked by the fault server; the signer only needs all four to be set. */
const FAKE_CREDENTIALS = [
  { key: 'consumer_key', value: 'fault-consumer-key' },
  { key: 'consumer_secret', value: 'fault-consumer-secret' },
  { key: 'access_token', value: '1588987262754234368-fault-access-token' },
  { key: 'token_secret', value: 'fault-token-secret' },
];

let faults: FaultServer;
let resettingFollows: FaultServer;
let closedOrigin: string;
let workbench: TestWorkbench;
let client: ApiClient;
let faultEnvironment: EnvironmentView;
const unhandledRejections: unknown[] = [];
const recordUnhandledRejection = (reason: unknown) => unhandledRejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandledRejection);
  faults = await startFaultServer({ slowDelayMs: 200 });
  resettingFollows = await startFaultServer({ defaultFault: 'reset' });
  closedOrigin = await findClosedPortOrigin();
  workbench = await startTestWorkbench({
    WORKBENCH_ALLOWED_UPSTREAMS: [faults.url, resettingFollows.url, closedOrigin].join(','),
    WORKBENCH_UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  client = await workbench.newClient();
  faultEnvironment = await createEnvironment('Fault server', faults.url);
});

afterAll(async () => {
  await workbench.stop();
  await faults.close();
  await resettingFollows.close();
  process.off('unhandledRejection', recordUnhandledRejection);
});

async function createEnvironment(name: string, baseUrl: string): Promise<EnvironmentView> {
  const created = await client.request<EnvironmentView>('POST', '/api/environments', { name, baseUrl, variables: FAKE_CREDENTIALS });
  if (created.status !== 201) {
    throw new Error(`Creating environment ${name} failed with ${created.status}: ${created.text}`);
  }

  return created.json;
}

function sendFault(fault: Fault, environmentId = faultEnvironment.id): Promise<ApiResponse<SendResult & ApiErrorBody>> {
  return client.send<SendResult & ApiErrorBody>({ environmentId, requestId: 'user-by-username', pathVariables: { username: fault } });
}

function header(result: SendResult, name: string): string | undefined {
  return new Map(result.response.headers.map(([key, value]) => [key.toLowerCase(), value])).get(name);
}

describe('upstream faults', () => {
  describe('transport faults come back as JSON errors that name the target', () => {
    it('reports connection refused', async () => {
      const environment = await createEnvironment('Nothing listens', closedOrigin);

      const { status, json } = await sendFault('ok', environment.id);

      expect(status).toBe(502);
      expect(json.error.code).toBe('upstream_unreachable');
      expect(json.error.target).toBe(`${closedOrigin}/2/users/by/username/ok`);
      expect(json.error.message).toContain('connection refused');
      expect(json.error.message).toContain(closedOrigin);
    });

    it('reports a reset in the middle of the response', async () => {
      const { status, json } = await sendFault('reset');

      expect(status).toBe(502);
      expect(json.error.code).toBe('upstream_unreachable');
      expect(json.error.target).toBe(`${faults.url}/2/users/by/username/reset`);
      expect(json.error.message).toContain('while reading the response body');
      expect(json.error.message).toContain('reset');
    });

    it('reports a reset before the response', async () => {
      const { status, json } = await sendFault('reset_early');

      expect(status).toBe(502);
      expect(json.error.code).toBe('upstream_unreachable');
      expect(json.error.target).toBe(`${faults.url}/2/users/by/username/reset_early`);
      expect(json.error.message).toContain('before a response arrived');
    });

    it('times out a silent upstream', async () => {
      const { status, json } = await sendFault('no_answer');

      expect(status).toBe(504);
      expect(json.error.code).toBe('upstream_timeout');
      expect(json.error.target).toBe(`${faults.url}/2/users/by/username/no_answer`);
      expect(json.error.message).toContain(`timed out after ${TIMEOUT_MS} ms before a response arrived`);
      expect(json.error.message).toContain('WORKBENCH_UPSTREAM_TIMEOUT_MS');
    });

    it('times out a body that trickles in without end', async () => {
      const { status, json } = await sendFault('trickle');

      expect(status).toBe(504);
      expect(json.error.code).toBe('upstream_timeout');
      expect(json.error.target).toBe(`${faults.url}/2/users/by/username/trickle`);
      expect(json.error.message).toContain(`timed out after ${TIMEOUT_MS} ms while the response body was still arriving`);
    });

    it('reports bytes that are not HTTP', async () => {
      const { status, json } = await sendFault('not_http');

      expect(status).toBe(502);
      expect(json.error.code).toBe('upstream_unreachable');
      expect(json.error.target).toBe(`${faults.url}/2/users/by/username/not_http`);
    });

    it('returns the request as it was sent, with the credentials redacted', async () => {
      const { json } = await sendFault('reset_early');

      expect(json.error.request?.url).toBe(`${faults.url}/2/users/by/username/reset_early`);
      expect(JSON.stringify(json)).not.toContain('fault-consumer-secret');
      expect(JSON.stringify(json)).not.toContain('fault-token-secret');
    });
  });

  describe('faulty HTTP responses come back raw, as received', () => {
    it.each([
      ['an HTML page', 'html', 200, HTML_BODY],
      ['an empty body', 'empty', 200, ''],
      ['a 503 with HTML', 'error_503', 503, ERROR_503_BODY],
      ['a 500 with a problem body', 'error_500', 500, ERROR_500_BODY],
      ['a 200 with invalid JSON', 'bad_json', 200, BAD_JSON_BODY],
      ['a slow answer within the time limit', 'slow', 200, OK_BODY],
    ] as const)('returns %s', async (_label, fault, upstreamStatus, body) => {
      const { status, json } = await sendFault(fault);

      expect(status).toBe(200);
      expect(json.response.status).toBe(upstreamStatus);
      expect(json.response.body).toBe(body);
      expect(json.response.truncated).toBe(false);
      expect(json.sizeBytes).toBe(Buffer.byteLength(body));
      expect(json.request.url).toBe(`${faults.url}/2/users/by/username/${fault}`);
    });

    it('keeps 1 MiB of a huge body and marks it truncated', async () => {
      const { status, json } = await sendFault('huge');

      expect(status).toBe(200);
      expect(json.response.status).toBe(200);
      expect(json.response.truncated).toBe(true);
      expect(json.response.body).toHaveLength(MAX_KEPT_BODY_BYTES);
      expect(json.response.body.startsWith('{"padding":"xxx')).toBe(true);
      expect(json.sizeBytes).toBe(HUGE_BODY_BYTES);
    });

    it('stops reading a body that never ends', async () => {
      const { status, json } = await sendFault('endless');

      expect(status).toBe(200);
      expect(json.response.truncated).toBe(true);
      expect(json.response.body).toHaveLength(MAX_KEPT_BODY_BYTES);
      expect(json.sizeBytes).toBeGreaterThanOrEqual(10 * 1024 * 1024);
      expect(header(json, 'content-type')).toBe('application/json');
    });
  });

  describe('state-changing requests', () => {
    it('never retries a follow', async () => {
      const environment = await createEnvironment('Resetting follows', resettingFollows.url);
      const follow = () =>
        client.send<ApiErrorBody>({ environmentId: environment.id, requestId: 'follow', body: '{"target_user_id":"2244994945"}' });

      const first = await follow();

      expect(first.status).toBe(502);
      expect(first.json.error.code).toBe('upstream_unreachable');
      expect(resettingFollows.requests.map((request) => request.method)).toEqual(['POST']);

      const retry = await follow();

      expect(retry.status).toBe(502);
      expect(resettingFollows.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    });

    it('never retries an unfollow', async () => {
      const environment = await createEnvironment('Resetting unfollows', resettingFollows.url);
      const before = resettingFollows.requests.length;

      const { status } = await client.send({ environmentId: environment.id, requestId: 'unfollow', pathVariables: { target_user_id: '2244994945' } });

      expect(status).toBe(502);
      expect(resettingFollows.requests.slice(before).map((request) => request.method)).toEqual(['DELETE']);
    });
  });

  describe('after every fault', () => {
    it('still serves the API and sends to the sandbox', async () => {
      const sandbox = await client.environmentNamed('X Sandbox');

      const environments = await client.request('GET', '/api/environments');
      const me = await client.send<SendResult>({ environmentId: sandbox.id, requestId: 'me' });

      expect(environments.status).toBe(200);
      expect(me.status).toBe(200);
      expect(me.json.response.status).toBe(200);
    });

    it('has raised no unhandled rejection', () => {
      expect(unhandledRejections).toEqual([]);
    });

    it('has logged no internal error', () => {
      const internalErrors = workbench.logLines.filter((line) => line.includes('"request failed"'));

      expect(internalErrors).toEqual([]);
    });
  });

  describe('the time limit', () => {
    it('is 15 s unless configured', () => {
      expect(loadConfig({}).upstreamTimeoutMs).toBe(15_000);
    });

    it('is read from WORKBENCH_UPSTREAM_TIMEOUT_MS', () => {
      expect(loadConfig({ WORKBENCH_UPSTREAM_TIMEOUT_MS: '2500' }).upstreamTimeoutMs).toBe(2500);
    });
  });
});
