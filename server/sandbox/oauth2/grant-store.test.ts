import { describe, expect, it } from 'vitest';

import { ACCESS_TOKEN_LIFETIME_MS, GRANT_STORE_LIMITS, GrantStore } from './grant-store.ts';
import { RFC7636_S256_CHALLENGE } from './test-oauth2-client.ts';

function createStore() {
  const clock = { nowMs: 1_000_000 };
  const store = new GrantStore(() => clock.nowMs);

  return { clock, store };
}

function issueCode(store: GrantStore, scopes: string[] = ['tweet.read']): string {
  return store.issueCode({
    grant: store.newGrant('client', '2244994945', scopes),
    redirectUri: 'http://127.0.0.1:4000/oauth2/callback',
    codeChallenge: RFC7636_S256_CHALLENGE,
    codeChallengeMethod: 'S256',
  });
}

describe('GrantStore', () => {
  it('purges codes after their retention', () => {
    const { clock, store } = createStore();
    const old = issueCode(store);

    clock.nowMs += ACCESS_TOKEN_LIFETIME_MS;
    issueCode(store);

    expect(store.findCode(old)).toBeUndefined();
    expect(store.size().codes).toBe(1);
  });

  it('keeps a used code for replay detection', () => {
    const { clock, store } = createStore();
    const code = issueCode(store);
    store.markCodeUsed(store.findCode(code)!);

    clock.nowMs += ACCESS_TOKEN_LIFETIME_MS - 1;
    issueCode(store);

    expect(store.findCode(code)?.usedAtMs).toBe(1_000_000);
  });

  it('caps the number of codes', () => {
    const { store } = createStore();
    const first = issueCode(store);

    for (let index = 0; index < GRANT_STORE_LIMITS.codes; index += 1) {
      issueCode(store);
    }

    expect(store.size().codes).toBe(GRANT_STORE_LIMITS.codes);
    expect(store.findCode(first)).toBeUndefined();
  });

  it('purges access tokens an hour after expiry', () => {
    const { clock, store } = createStore();
    const grant = store.newGrant('client', '2244994945', ['tweet.read']);
    const old = store.issueTokens(grant, grant.scopes).accessToken;

    clock.nowMs += ACCESS_TOKEN_LIFETIME_MS;
    expect(store.findAccessToken(old)?.expired).toBe(true);
    clock.nowMs += 60 * 60 * 1000;
    store.issueTokens(grant, grant.scopes);

    expect(store.findAccessToken(old)).toBeUndefined();
    expect(store.size().accessTokens).toBe(1);
  });

  it('issues refresh tokens only with offline.access', () => {
    const { store } = createStore();
    const online = store.newGrant('client', '2244994945', ['tweet.read']);
    const offline = store.newGrant('client', '2244994945', ['tweet.read', 'offline.access']);

    expect(store.issueTokens(online, online.scopes).refreshToken).toBeUndefined();
    expect(store.issueTokens(offline, offline.scopes).refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('revokes every token of a grant', () => {
    const { store } = createStore();
    const grant = store.newGrant('client', '2244994945', ['offline.access']);
    const other = store.newGrant('client', '2244994945', ['offline.access']);
    const first = store.issueTokens(grant, grant.scopes);
    const second = store.issueTokens(grant, grant.scopes);
    const kept = store.issueTokens(other, other.scopes);

    expect(store.revokeGrant(grant.id)).toBe(4);

    expect(store.findAccessToken(first.accessToken)).toBeUndefined();
    expect(store.findRefreshToken(second.refreshToken!)).toBeUndefined();
    expect(store.findAccessToken(kept.accessToken)).toBeDefined();
    expect(store.findRefreshToken(kept.refreshToken!)).toBeDefined();
  });

  it('forgets everything on clear', () => {
    const { store } = createStore();
    issueCode(store);
    const grant = store.newGrant('client', '2244994945', ['offline.access']);
    store.issueTokens(grant, grant.scopes);

    store.clear();

    expect(store.size()).toEqual({ codes: 0, accessTokens: 0, refreshTokens: 0 });
  });
});
