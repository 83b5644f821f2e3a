import { describe, expect, it } from 'vitest';

import { RateLimitStore } from './rate-limit-store.ts';

const context = { requestId: 'follow', environmentId: 'env-1', authType: 'oauth1' };
/** 2025-01-15T12:00:00Z */
const SERVER_MS = Date.UTC(2025, 0, 15, 12, 0, 0);

function headers(remaining: string) {
  return [
    ['date', new Date(SERVER_MS).toUTCString()],
    ['x-rate-limit-limit', '50'],
    ['x-rate-limit-remaining', remaining],
    ['x-rate-limit-reset', String(SERVER_MS / 1000 + 600)],
  ] as Array<[string, string]>;
}

describe('RateLimitStore', () => {
  it('keeps the latest reading per context', () => {
    const store = new RateLimitStore();

    store.record(context, headers('49'), SERVER_MS);
    store.record(context, headers('48'), SERVER_MS);

    expect(store.read(context)).toEqual({ limit: 50, remaining: 48, localResetAtMs: SERVER_MS + 600_000 });
  });

  it('keeps auth contexts apart', () => {
    const store = new RateLimitStore();

    store.record(context, headers('49'), SERVER_MS);

    expect(store.read({ ...context, authType: 'oauth2' })).toBeNull();
    expect(store.read({ ...context, environmentId: 'env-2' })).toBeNull();
  });

  it('moves the reset onto the local clock', () => {
    const store = new RateLimitStore();

    store.record(context, headers('49'), SERVER_MS + 3_600_000);

    expect(store.read(context)?.localResetAtMs).toBe(SERVER_MS + 3_600_000 + 600_000);
  });

  it('ignores a response without the headers', () => {
    const store = new RateLimitStore();
    store.record(context, headers('49'), SERVER_MS);

    store.record(context, [['date', 'x']], SERVER_MS);

    expect(store.read(context)?.remaining).toBe(49);
  });

  it('notifies subscribers of a new reading', () => {
    const store = new RateLimitStore();
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    });

    store.record(context, headers('49'), SERVER_MS);

    expect(calls).toBe(1);
  });
});
