import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { rateLimitBucketKey } from '../rate-limit.ts';
import { SEEDED_USER_IDS } from '../seed.ts';
import { APP_NAMES, rateLimitHeaders, SandboxHarness, TEST_START_MS, type TestResponse } from '../test-harness.ts';

import { OAuth2TestClient } from './test-oauth2-client.ts';

const DEV = SEEDED_USER_IDS.workbenchDev;
const FOLLOW_TWITTER_DEV = { json: { target_user_id: SEEDED_USER_IDS.twitterDev } };

let harness: SandboxHarness;
let oauth: OAuth2TestClient;

beforeAll(async () => {
  harness = await SandboxHarness.start();
  oauth = new OAuth2TestClient(harness);
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
  harness.clock.nowMs = TEST_START_MS;
});

async function accessToken(scope: string, options: { app?: string; userId?: string } = {}): Promise<string> {
  return (await oauth.obtainTokens({ scope, ...options })).access_token;
}

function expectMissingScopes(response: TestResponse, missing: string, required: string): void {
  expect(response.status).toBe(403);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.headers['x-sandbox-auth-error']).toBe('missing_scopes');
  expect(response.json).toEqual({
    title: 'Forbidden',
    detail: `Missing scopes: ${missing}. This endpoint needs the OAuth 2.0 scopes ${required}.`,
    type: 'https://api.twitter.com/2/problems/client-forbidden',
    status: 403,
  });
}

describe('OAuth 2.0 user tokens on v2 endpoints', () => {
  it('follow after the full flow', async () => {
    const token = await accessToken('tweet.read users.read follows.write');

    const response = await harness.withBearer('POST', `/2/users/${DEV}/following`, token, FOLLOW_TWITTER_DEV);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { following: true, pending_follow: false } });
    expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.twitterDev)).toBe(true);
  });

  it('unfollow with follows.write', async () => {
    const token = await accessToken('tweet.read users.read follows.write');

    const response = await harness.withBearer('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`, token);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { following: false } });
  });

  it('list following with follows.read', async () => {
    const token = await accessToken('tweet.read users.read follows.read');

    const response = await harness.withBearer('GET', `/2/users/${DEV}/following`, token);

    expect(response.status).toBe(200);
    expect((response.json as { meta: { result_count: number } }).meta.result_count).toBe(2);
  });

  it('look up a username with users.read and tweet.read', async () => {
    const token = await accessToken('tweet.read users.read');

    const response = await harness.withBearer('GET', '/2/users/by/username/TwitterDev', token);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { id: SEEDED_USER_IDS.twitterDev, name: 'Developers', username: 'TwitterDev' } });
  });

  describe('without the needed scopes', () => {
    it('cannot follow without follows.write', async () => {
      const token = await accessToken('tweet.read users.read follows.read');

      const response = await harness.withBearer('POST', `/2/users/${DEV}/following`, token, FOLLOW_TWITTER_DEV);

      expectMissingScopes(response, 'follows.write', 'follows.write tweet.read users.read');
      expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.twitterDev)).toBe(false);
    });

    it('cannot unfollow with only follows.write', async () => {
      const token = await accessToken('follows.write');

      const response = await harness.withBearer('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`, token);

      expectMissingScopes(response, 'tweet.read users.read', 'follows.write tweet.read users.read');
      expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.adaBuilds)).toBe(true);
    });

    it('cannot list followers without follows.read', async () => {
      const token = await accessToken('tweet.read users.read follows.write');

      const response = await harness.withBearer('GET', `/2/users/${DEV}/followers`, token);

      expectMissingScopes(response, 'follows.read', 'follows.read tweet.read users.read');
    });

    it('cannot read /me without users.read', async () => {
      const token = await accessToken('tweet.read offline.access');

      const response = await harness.withBearer('GET', '/2/users/me', token);

      expectMissingScopes(response, 'users.read', 'tweet.read users.read');
    });

    it('lose scopes narrowed away on refresh', async () => {
      const tokens = await oauth.obtainTokens();
      const refreshed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, scope: 'tweet.read users.read' });
      const narrowedToken = (refreshed.json as { access_token: string }).access_token;

      const response = await harness.withBearer('POST', `/2/users/${DEV}/following`, narrowedToken, FOLLOW_TWITTER_DEV);

      expectMissingScopes(response, 'follows.write', 'follows.write tweet.read users.read');
    });
  });

  it('must act for their own user', async () => {
    const token = await accessToken('tweet.read users.read follows.write', { userId: SEEDED_USER_IDS.adaBuilds });

    const response = await harness.withBearer('POST', `/2/users/${DEV}/following`, token, FOLLOW_TWITTER_DEV);

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      errors: [{ message: `The \`id\` query parameter value [${DEV}] must be the same as the authenticating user [${SEEDED_USER_IDS.adaBuilds}]` }],
    });
  });

  it('count against the per-user rate limit', async () => {
    const token = await accessToken('tweet.read users.read follows.write');
    harness.sandbox.state.rateLimiter.setRemaining(rateLimitBucketKey('follow', 'user', DEV), 1);

    const allowed = await harness.withBearer('POST', `/2/users/${DEV}/following`, token, FOLLOW_TWITTER_DEV);
    const limited = await harness.withBearer('POST', `/2/users/${DEV}/following`, token, FOLLOW_TWITTER_DEV);
    const oauth1 = await harness.signed('POST', `/2/users/${DEV}/following`, FOLLOW_TWITTER_DEV);

    expect(allowed.status).toBe(200);
    expect(rateLimitHeaders(allowed)).toMatchObject({ limit: '50', remaining: '0' });
    expect(limited.status).toBe(429);
    expect(oauth1.status).toBe(429);
  });

  it('are rejected for an unattached app', async () => {
    const token = await accessToken('tweet.read users.read', { app: APP_NAMES.unattached });

    const response = await harness.withBearer('GET', '/2/users/me', token);

    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ title: 'Client Forbidden', reason: 'client-not-enrolled' });
  });

  it('leave app-only bearer tokens unchanged', async () => {
    const response = await harness.withBearer('POST', `/2/users/${DEV}/following`, harness.bearerToken(), FOLLOW_TWITTER_DEV);

    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ title: 'Unsupported Authentication' });
  });

  it('are rejected when unknown', async () => {
    const response = await harness.withBearer('GET', '/2/users/me', 'not-a-token');

    expect(response.status).toBe(401);
    expect(response.headers['x-sandbox-auth-error']).toBe('unknown_bearer_token');
  });
});
