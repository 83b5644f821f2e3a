import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendRequest, SendResult } from '../../../shared/api.ts';
import { openDatabase, type Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';
import { HistoryRecorder } from './recorder.ts';
import { HistoryStore } from './store.ts';

const input: SendRequest = { environmentId: 'env-1', requestId: 'me', pathVariables: {}, query: [], body: null };

function result(authorization: string): SendResult {
  return {
    environmentName: 'X Sandbox',
    request: { method: 'GET', url: 'http://127.0.0.1:4001/2/users/me', headers: [['Authorization', authorization]], body: null },
    response: { status: 200, statusText: 'OK', headers: [], body: '{}', truncated: false },
    durationMs: 3,
    sizeBytes: 2,
  };
}

let db: Db;
let store: HistoryStore;
let recorder: HistoryRecorder;

beforeEach(() => {
  db = openDatabase(':memory:');
  db.prepare("INSERT INTO workspaces (id, created_at) VALUES ('w', '')").run();
  store = new HistoryStore(db);
  recorder = new HistoryRecorder({ store, logger: pino({ level: 'silent' }), environmentName: () => 'X Sandbox' });
});

afterEach(() => {
  db.close();
});

describe('HistoryRecorder', () => {
  it('redacts a bearer token that reached it', async () => {
    await recorder.record('w', input, async () => result('Bearer AAAAsecrettoken'));

    const entry = store.get('w', store.list('w', { limit: 1 }).entries[0]!.id);
    expect(entry.result!.request.headers).toEqual([['Authorization', 'Bearer [redacted]']]);
    expect(JSON.stringify(entry)).not.toContain('secrettoken');
  });

  it('keeps an already redacted OAuth header', async () => {
    const header = 'OAuth oauth_consumer_key="[redacted]", oauth_signature="[redacted]"';

    await recorder.record('w', input, async () => result(header));

    expect(store.get('w', store.list('w', { limit: 1 }).entries[0]!.id).result!.request.headers[0]![1]).toBe(header);
  });

  it('records a failure and rethrows it unchanged', async () => {
    const failure = new ApiError('upstream_timeout', 'GET http://127.0.0.1:4001/2/users/me did not answer');

    await expect(recorder.record('w', input, async () => Promise.reject(failure))).rejects.toBe(failure);

    const summary = store.list('w', { limit: 1 }).entries[0]!;
    expect(summary).toMatchObject({ requestName: 'Authenticated user lookup', status: null, statusClass: 'error', url: '/2/users/me' });
    expect(summary.errorMessage).toBe('GET http://127.0.0.1:4001/2/users/me did not answer');
  });

  it('returns the result when the history cannot be written', async () => {
    db.prepare('DROP TABLE history').run();

    const returned = await recorder.record('w', input, async () => result('Bearer [redacted]'));

    expect(returned.response.status).toBe(200);
  });
});
