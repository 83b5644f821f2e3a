import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../../shared/api.ts';
import type { HistoryEntry, HistoryPage } from '../../../shared/history.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const TWITTER_DEV = '2244994945';

let workbench: TestWorkbench;
let client: ApiClient;
let sandbox: EnvironmentView;
let secrets: string[];

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
  sandbox = await client.environmentNamed('X Sandbox');
  const portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
  const app = portal.apps[0]!;
  const token = portal.tokens[0]!;
  secrets = [app.consumerKey, app.consumerSecret, app.bearerToken, token.accessToken, token.accessTokenSecret];

  await client.request('DELETE', '/api/history');
  await client.send<SendResult>({ environmentId: sandbox.id, requestId: 'follow', body: JSON.stringify({ target_user_id: TWITTER_DEV }) });
  await client.send({ environmentId: sandbox.id, requestId: 'following', pathVariables: { id: `${TWITTER_DEV} ` } });
  await client.send({ environmentId: sandbox.id, requestId: 'user-by-username', pathVariables: { username: 'TwitterDev' } });
});

afterAll(async () => {
  await workbench.stop();
});

async function listHistory(query = ''): Promise<HistoryPage> {
  const { status, json } = await client.request<HistoryPage>('GET', `/api/history${query}`);
  expect(status, `GET /api/history${query}`).toBe(200);
  return json;
}

describe('history of sends', () => {
  describe('listing', () => {
    it('lists every send, newest first', async () => {
      const page = await listHistory();

      expect(page.entries.map((entry) => entry.requestName)).toEqual(['User by Username', 'Users a user ID is following', 'Follow a user ID']);
      expect(page.nextBefore).toBeNull();
    });

    it('keeps time, environment, method, URL, status, duration and size', async () => {
      const follow = (await listHistory()).entries[2]!;

      expect(follow.environmentName).toBe('X Sandbox');
      expect(follow.method).toBe('POST');
      expect(follow.url).toBe(`${workbench.sandboxUrl}/2/users/1588987262754234368/following`);
      expect(follow.endpoint).toBe('POST /2/users/:id/following');
      expect(follow.status).toBe(200);
      expect(follow.statusClass).toBe('2xx');
      expect(follow.durationMs).toBeGreaterThan(0);
      expect(follow.sizeBytes).toBe(Buffer.byteLength('{"data":{"following":true,"pending_follow":false}}'));
      expect(Date.parse(follow.createdAt)).not.toBeNaN();
    });

    it('records a send that failed before reaching X', async () => {
      const failed = (await listHistory()).entries[1]!;

      expect(failed.status).toBeNull();
      expect(failed.statusClass).toBe('error');
      expect(failed.errorMessage).toBe(`pathVariables.id must be 1 to 19 digits; got "${TWITTER_DEV} " (remove the trailing whitespace)`);
      expect(failed.url).toBe('/2/users/:id/following');
    });
  });

  describe('filters', () => {
    it('filters by status class', async () => {
      expect((await listHistory('?status=2xx')).entries.map((entry) => entry.requestName)).toEqual(['User by Username', 'Follow a user ID']);
      expect((await listHistory('?status=error')).entries.map((entry) => entry.requestName)).toEqual(['Users a user ID is following']);
      expect((await listHistory('?status=5xx')).entries).toEqual([]);
    });

    it('filters by request name or path template', async () => {
      expect((await listHistory('?endpoint=Follow%20a%20user%20ID')).entries).toHaveLength(1);
      expect((await listHistory('?endpoint=%2F2%2Fusers%2Fby%2Fusername%2F%3Ausername')).entries[0]!.requestName).toBe('User by Username');
      expect((await listHistory('?endpoint=GET%20%2F2%2Fusers%2F%3Aid%2Ffollowing')).entries[0]!.requestName).toBe('Users a user ID is following');
    });

    it('lists the request names for the filter', async () => {
      const { json } = await client.request<string[]>('GET', '/api/history/request-names');

      expect(json).toEqual(['Follow a user ID', 'User by Username', 'Users a user ID is following']);
    });
  });

  describe('paging', () => {
    it('pages by keyset with before', async () => {
      const first = await listHistory('?limit=2');
      const second = await listHistory(`?limit=2&before=${first.nextBefore}`);

      expect(first.entries.map((entry) => entry.requestName)).toEqual(['User by Username', 'Users a user ID is following']);
      expect(first.nextBefore).toBe(first.entries[1]!.id);
      expect(second.entries.map((entry) => entry.requestName)).toEqual(['Follow a user ID']);
      expect(second.nextBefore).toBeNull();
    });

    it.each([
      ['?limit=0', 'limit: must be from 1 to 200'],
      ['?limit=ten', 'limit: must be a whole number from 1 to 200; got "ten"'],
      ['?before=12.5', 'before: must be a history ID of 1 to 19 digits; got "12.5"'],
      ['?status=2XX', 'status:'],
      ['?sort=asc', 'Unknown query parameter "sort" (use limit, before, status or endpoint)'],
    ])('rejects %s', async (query, message) => {
      const { status, json } = await client.request<ApiErrorBody>('GET', `/api/history${query}`);

      expect(status).toBe(400);
      expect(json.error.code).toBe('invalid_request');
      expect(json.error.message).toContain(message);
    });
  });

  describe('one entry', () => {
    it('has the response, the request as sent and the input for re-sending', async () => {
      const id = (await listHistory('?status=2xx&endpoint=Follow%20a%20user%20ID')).entries[0]!.id;

      const { status, json } = await client.request<HistoryEntry>('GET', `/api/history/${id}`);

      expect(status).toBe(200);
      expect(JSON.parse(json.result!.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(json.result!.response.headers.some(([name]) => name === 'x-rate-limit-remaining')).toBe(true);
      expect(json.input).toEqual({ environmentId: sandbox.id, requestId: 'follow', pathVariables: {}, query: [], body: `{"target_user_id":"${TWITTER_DEV}"}` });
      expect(json.result!.request.headers.find(([name]) => name === 'Authorization')![1]).toContain('oauth_signature="[redacted]"');
      expect(json.error).toBeNull();
    });

    it('has the error of a failed send', async () => {
      const id = (await listHistory('?status=error')).entries[0]!.id;

      const { json } = await client.request<HistoryEntry>('GET', `/api/history/${id}`);

      expect(json.result).toBeNull();
      expect(json.error).toMatchObject({ code: 'invalid_request', field: 'pathVariables.id' });
    });

    it('never contains a secret of the environment', async () => {
      const page = await listHistory();
      const texts = await Promise.all(page.entries.map(async (entry) => (await client.request('GET', `/api/history/${entry.id}`)).text));

      for (const text of [JSON.stringify(page), ...texts]) {
        for (const secret of secrets) {
          expect(text).not.toContain(secret);
        }
      }
    });

    it('answers an unknown ID with 404 JSON', async () => {
      const { status, json } = await client.request<ApiErrorBody>('GET', '/api/history/99999999');

      expect(status).toBe(404);
      expect(json.error.message).toBe('No history entry with ID "99999999" in this workspace (it may have been deleted; reload the history)');
    });

    it('answers a non-numeric ID with 404 JSON', async () => {
      const { status, json } = await client.request<ApiErrorBody>('GET', '/api/history/abc');

      expect(status).toBe(404);
      expect(json.error.code).toBe('not_found');
    });
  });

  describe('deleting', () => {
    it('deletes one entry, then all', async () => {
      const before = await listHistory();
      const deleted = await client.request('DELETE', `/api/history/${before.entries[0]!.id}`);

      expect(deleted.status).toBe(204);
      expect((await listHistory()).entries).toHaveLength(before.entries.length - 1);
      expect((await client.request('DELETE', `/api/history/${before.entries[0]!.id}`)).status).toBe(404);

      const cleared = await client.request('DELETE', '/api/history');

      expect(cleared.status).toBe(204);
      expect((await listHistory()).entries).toEqual([]);
    });

    it('needs the CSRF token', async () => {
      const { status } = await client.request('DELETE', '/api/history', undefined, { 'x-csrf-token': 'wrong' });

      expect(status).toBe(403);
    });
  });
});

describe('history across a restart', () => {
  it('survives a server restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-history-'));
    try {
      const first = await startTestWorkbench({}, { dataDir });
      const firstClient = await first.newClient();
      const environment = await firstClient.environmentNamed('X Sandbox');
      await firstClient.send({ environmentId: environment.id, requestId: 'me' });
      await first.stop();

      const second = await startTestWorkbench({}, { dataDir });
      const page = (await (await second.newClient()).request<HistoryPage>('GET', '/api/history')).json;
      await second.stop();

      expect(page.entries.map((entry) => [entry.requestName, entry.status])).toEqual([['Authenticated user lookup', 200]]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
