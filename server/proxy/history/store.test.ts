import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../shared/api.ts';
import { MAX_HISTORY_ENTRIES } from '../../../shared/history.ts';
import { openDatabase, type Db } from '../../db/database.ts';
import { HistoryStore, type NewHistoryEntry } from './store.ts';

const input: SendRequest = { environmentId: 'env', requestId: 'me', pathVariables: {}, query: [], body: null };

function entry(workspaceId: string, index: number): NewHistoryEntry {
  return {
    workspaceId,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
    environmentName: 'X Sandbox',
    requestName: `Request ${index}`,
    endpoint: 'GET /2/users/me',
    method: 'GET',
    url: 'http://127.0.0.1:4001/2/users/me',
    input,
    result: null,
    error: { code: 'upstream_unreachable', message: `failure ${index}` },
  };
}

let db: Db;

beforeEach(() => {
  db = openDatabase(':memory:');
  db.prepare("INSERT INTO workspaces (id, created_at) VALUES ('a', ''), ('b', '')").run();
});

afterEach(() => {
  db.close();
});

describe('HistoryStore', () => {
  it('keeps the newest 1,000 entries per workspace', () => {
    const store = new HistoryStore(db);
    const addAll = db.transaction(() => {
      for (let index = 1; index <= MAX_HISTORY_ENTRIES + 5; index++) {
        store.add(entry('a', index));
      }
    });
    addAll();
    store.add(entry('b', 1));

    const count = db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM history WHERE workspace_id = ?');
    expect(count.get('a')!.count).toBe(MAX_HISTORY_ENTRIES);
    expect(count.get('b')!.count).toBe(1);
    expect(store.list('a', { limit: 1 }).entries[0]!.requestName).toBe(`Request ${MAX_HISTORY_ENTRIES + 5}`);
  });

  it('drops the oldest entry first', () => {
    const store = new HistoryStore(db, 3);
    for (let index = 1; index <= 5; index++) {
      store.add(entry('a', index));
    }

    expect(store.list('a', { limit: 10 }).entries.map((item) => item.requestName)).toEqual(['Request 5', 'Request 4', 'Request 3']);
  });

  it('trims entries written before a restart', () => {
    const before = new HistoryStore(db, 3);
    for (let index = 1; index <= 3; index++) {
      before.add(entry('a', index));
    }
    const after = new HistoryStore(db, 3);

    after.add(entry('a', 4));

    expect(after.list('a', { limit: 10 }).entries.map((item) => item.requestName)).toEqual(['Request 4', 'Request 3', 'Request 2']);
  });

  it('counts again after a delete and a clear', () => {
    const store = new HistoryStore(db, 2);
    const first = store.add(entry('a', 1));
    store.add(entry('a', 2));
    store.delete('a', first);
    store.add(entry('a', 3));
    store.clear('a');
    store.add(entry('a', 4));
    store.add(entry('a', 5));

    expect(store.list('a', { limit: 10 }).entries.map((item) => item.requestName)).toEqual(['Request 5', 'Request 4']);
  });

  it('keeps workspaces apart', () => {
    const store = new HistoryStore(db);
    const id = store.add(entry('a', 1));

    expect(() => store.get('b', id)).toThrow('No history entry with ID');
    expect(() => store.delete('b', id)).toThrow('No history entry with ID');
    expect(store.get('a', id).errorMessage).toBe('failure 1');
  });

  it('uses the index for a filtered page', () => {
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM history WHERE workspace_id = ? AND id < ? AND status_class = ? ORDER BY id DESC LIMIT 51",
      )
      .all('a', 10, '2xx') as Array<{ detail: string }>;

    expect(plan.map((row) => row.detail).join(' ')).toContain('history_by_workspace');
  });

  it('treats an ID beyond SQLite integers as not found', () => {
    const store = new HistoryStore(db);

    expect(() => store.get('a', '9999999999999999999')).toThrow('No history entry with ID "9999999999999999999"');
  });
});
