import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { OAuth2TestClient } from './oauth2/test-oauth2-client.ts';
import { rateLimitBucketKey, type EndpointName } from './rate-limit.ts';
import { SEEDED_USER_IDS } from './seed.ts';
import { rateLimitHeaders, SandboxHarness, sendRaw, TEST_START_MS } from './test-harness.ts';

const DEV = SEEDED_USER_IDS.workbenchDev;
const TWITTER_DEV = SEEDED_USER_IDS.twitterDev;

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

async function accessToken(scope: string): Promise<string> {
  return (await oauth.obtainTokens({ scope })).access_token;
}

function appId(): string {
  return harness.portal.apps[0]!.appId;
}

const LOOKUPS: readonly { endpoint: EndpointName; target: string; expectedData: unknown }[] = [
  { endpoint: 'user_by_id', target: `/2/users/${TWITTER_DEV}`, expectedData: { id: TWITTER_DEV, name: 'Developers', username: 'TwitterDev' } },
  {
    endpoint: 'users_by_ids',
    target: `/2/users?ids=${TWITTER_DEV},${DEV}`,
    expectedData: [
      { id: TWITTER_DEV, name: 'Developers', username: 'TwitterDev' },
      { id: DEV, name: 'Workbench Developer', username: 'workbench_dev' },
    ],
  },
  {
    endpoint: 'users_by_usernames',
    target: '/2/users/by?usernames=TwitterDev',
    expectedData: [{ id: TWITTER_DEV, name: 'Developers', username: 'TwitterDev' }],
  },
];

describe.each(LOOKUPS)('$endpoint at $target', ({ endpoint, target, expectedData }) => {
  it('accepts OAuth 1.0a with the per-user limit', async () => {
    const response = await harness.signed('GET', target);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: expectedData });
    expect(rateLimitHeaders(response)).toMatchObject({ limit: '900', remaining: '899' });
  });

  it('accepts an app-only bearer token with the per-app limit', async () => {
    const response = await harness.withBearer('GET', target);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: expectedData });
    expect(rateLimitHeaders(response)).toMatchObject({ limit: '300', remaining: '299' });
  });

  it('accepts an OAuth 2.0 token with tweet.read and users.read', async () => {
    const token = await accessToken('tweet.read users.read');

    const response = await harness.withBearer('GET', target, token);

    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: expectedData });
    expect(rateLimitHeaders(response)).toMatchObject({ limit: '900', remaining: '899' });
  });

  it('rejects an OAuth 2.0 token without users.read', async () => {
    const token = await accessToken('tweet.read follows.read');

    const response = await harness.withBearer('GET', target, token);

    expect(response.status).toBe(403);
    expect(response.headers['x-sandbox-auth-error']).toBe('missing_scopes');
    expect(response.json).toEqual({
      title: 'Forbidden',
      detail: 'Missing scopes: users.read. This endpoint needs the OAuth 2.0 scopes tweet.read users.read.',
      type: 'https://api.twitter.com/2/problems/client-forbidden',
      status: 403,
    });
  });

  it('answers 429 once the window is spent, in its own bucket', async () => {
    harness.sandbox.state.rateLimiter.setRemaining(rateLimitBucketKey(endpoint, 'app', appId()), 0);

    const limited = await harness.withBearer('GET', target);
    const otherEndpoint = await harness.withBearer('GET', '/2/users/by/username/TwitterDev');
    const userContext = await harness.signed('GET', target);

    expect(limited.status).toBe(429);
    expect(rateLimitHeaders(limited)).toMatchObject({ limit: '300', remaining: '0' });
    expect(rateLimitHeaders(limited).reset).toMatch(/^[0-9]{10}$/);
    expect(otherEndpoint.status).toBe(200);
    expect(userContext.status).toBe(200);
  });

  it('rejects a request without credentials', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target });

    expect(response.status).toBe(401);
    expect(rateLimitHeaders(response).limit).toMatch(/^[0-9]+$/);
  });
});

describe('routes under /2/users', () => {
  it('keep /2/users/me for the authenticated user', async () => {
    const signed = await harness.signed('GET', '/2/users/me');
    const bearer = await harness.withBearer('GET', '/2/users/me');

    expect(signed.json).toEqual({ data: { id: DEV, name: 'Workbench Developer', username: 'workbench_dev' } });
    expect(rateLimitHeaders(signed).limit).toBe('75');
    expect(bearer.status).toBe(403);
    expect(bearer.json).toMatchObject({ title: 'Unsupported Authentication' });
  });

  it('keep /2/users/by for the usernames lookup', async () => {
    const response = await harness.withBearer('GET', '/2/users/by');

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ message: 'The `usernames` query parameter can not be empty' }] });
  });

  it('keep /2/users/by/username/:username for the single username lookup', async () => {
    const response = await harness.withBearer('GET', '/2/users/by/username/TwitterDev');

    expect(response.json).toEqual({ data: { id: TWITTER_DEV, name: 'Developers', username: 'TwitterDev' } });
    expect(rateLimitHeaders(response)).toMatchObject({ limit: '300', remaining: '299' });
  });

  it('keep the follows lists apart from the ID lookup', async () => {
    const response = await harness.withBearer('GET', `/2/users/${TWITTER_DEV}/followers?max_results=1`);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ meta: { result_count: 1 } });
  });
});

describe('unknown paths', () => {
  it('answer /2/me with 404 naming /2/users/me', async () => {
    const response = await harness.withBearer('GET', '/2/me?user.fields=id');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toEqual({
      title: 'Not Found Error',
      type: 'about:blank',
      status: 404,
      detail: 'GET /2/me is not an X API v2 endpoint. X documents the authenticated user lookup as GET /2/users/me, so change the path to /2/users/me.',
    });
  });

  it('answer other paths with 404 listing the implemented routes', async () => {
    const response = await harness.signed('GET', '/2/users/by/usernames');
    const detail = (response.json as { detail: string }).detail;

    expect(response.status).toBe(404);
    expect(detail).toMatch(
      /^No sandbox endpoint matches GET \/2\/users\/by\/usernames\. It is not an X API v2 endpoint that the sandbox implements, so check the method and the path\. The sandbox implements GET \/2\/users\/me, /,
    );
    expect(detail).toContain('GET /2/users/by, GET /2/users/by/username/:username, GET /2/users, GET /2/users/:id,');
    expect(detail).not.toContain('/2/users/me.');
  });
});
