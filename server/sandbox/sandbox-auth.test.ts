import { Writable } from 'node:stream';

import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { RATE_LIMIT_WINDOW_MS } from './rate-limit.ts';
import { SEEDED_USER_IDS } from './seed.ts';
import { APP_NAMES, rateLimitHeaders, SandboxHarness, sendRaw, TEST_START_MS, type TestResponse } from './test-harness.ts';

const DEV = SEEDED_USER_IDS.workbenchDev;
const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';
const UNAUTHORIZED_BODY = '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}';
const FOLLOW_TWITTER_DEV = { json: { target_user_id: SEEDED_USER_IDS.twitterDev } };

let harness: SandboxHarness;

beforeAll(async () => {
  harness = await SandboxHarness.start({ allowedHosts: ['Sandbox.Test'] });
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
  harness.clock.nowMs = TEST_START_MS;
});

function expectUnauthorized(response: TestResponse, reason: string): void {
  expect(response.status).toBe(401);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.text).toBe(UNAUTHORIZED_BODY);
  expect(response.headers['x-sandbox-auth-error']).toBe(reason);
}

describe('OAuth 1.0a over HTTP', () => {
  it('rejects a wrong consumer secret', async () => {
    const credentials = { ...harness.credentials(), consumerSecret: 'wrong-secret' };
    const response = await harness.signed('GET', '/2/users/me', { credentials });

    expectUnauthorized(response, 'signature_mismatch');
  });

  it('rejects a signature made for another host', async () => {
    const response = await harness.signed('GET', '/2/users/me', { signedHost: 'api.x.com' });

    expectUnauthorized(response, 'signature_mismatch');
  });

  it('rejects a missing Authorization header', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target: '/2/users/me' });

    expectUnauthorized(response, 'missing_authorization');
  });

  it('rejects unknown keys and tokens', async () => {
    const unknownKey = await harness.signed('GET', '/2/users/me', { credentials: { ...harness.credentials(), consumerKey: 'nope' } });
    const unknownToken = await harness.signed('GET', '/2/users/me', { credentials: { ...harness.credentials(), token: `${DEV}-nope` } });

    expectUnauthorized(unknownKey, 'unknown_consumer_key');
    expectUnauthorized(unknownToken, 'unknown_token');
  });

  it('rejects a token issued to another app', async () => {
    const readOnly = harness.credentials(APP_NAMES.readOnly);
    const mixed = { ...harness.credentials(), token: readOnly.token, tokenSecret: readOnly.tokenSecret };

    expectUnauthorized(await harness.signed('GET', '/2/users/me', { credentials: mixed }), 'token_consumer_mismatch');
  });

  it('rejects a stale timestamp', async () => {
    const stale = Math.floor(TEST_START_MS / 1000) - 301;

    expectUnauthorized(await harness.signed('GET', '/2/users/me', { timestampSeconds: stale }), 'timestamp_out_of_window');
  });

  it('rejects a replayed nonce', async () => {
    const first = await harness.signed('GET', '/2/users/me', { nonce: 'same-nonce' });
    const replay = await harness.signed('GET', '/2/users/me', { nonce: 'same-nonce' });

    expect(first.status).toBe(200);
    expectUnauthorized(replay, 'nonce_reused');
  });

  it('follows the injected clock', async () => {
    harness.advanceSeconds(3600);
    const response = await harness.signed('GET', '/2/users/me');

    expect(response.status).toBe(200);
    expect(response.headers.date).toBe(new Date(TEST_START_MS + 3_600_000).toUTCString());
  });

  it('signs form-encoded body parameters', async () => {
    const signed = await harness.signed('GET', `/2/users/${DEV}/following`, {
      body: 'note=a+b%21',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });

    expect(signed.status).toBe(200);
  });
});

describe('app-only bearer tokens', () => {
  const UNSUPPORTED_BODY =
    '{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}';

  it.each([
    ['POST', `/2/users/${DEV}/following`],
    ['DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`],
    ['GET', '/2/users/me'],
  ])('are rejected on %s %s', async (method, target) => {
    const response = await harness.withBearer(method, target, harness.bearerToken(), method === 'POST' ? FOLLOW_TWITTER_DEV : {});

    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.text).toBe(UNSUPPORTED_BODY);
  });

  it('are accepted on lists and lookups', async () => {
    const list = await harness.withBearer('GET', `/2/users/${DEV}/followers`);
    const lookup = await harness.withBearer('GET', '/2/users/by/username/workbench_dev');

    expect(list.status).toBe(200);
    expect(lookup.status).toBe(200);
    expect(rateLimitHeaders(lookup).limit).toBe('300');
  });

  it('are rejected when unknown', async () => {
    const response = await harness.withBearer('GET', `/2/users/${DEV}/followers`, 'AAAAAAAAAAAAAAAAAAAAAunknown');

    expectUnauthorized(response, 'unknown_bearer_token');
  });
});

describe('app permissions', () => {
  it('reject follows from a read-only app', async () => {
    const response = await harness.signed('POST', `/2/users/${DEV}/following`, { app: APP_NAMES.readOnly, ...FOLLOW_TWITTER_DEV });

    expect(response.status).toBe(403);
    expect(response.text).toBe(
      '{"title":"Forbidden","detail":"Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.","type":"https://api.twitter.com/2/problems/oauth1-permissions","status":403}',
    );
    expect(harness.sandbox.state.graph.isFollowing(DEV, SEEDED_USER_IDS.twitterDev)).toBe(false);
  });

  it('let a read-only app read', async () => {
    const response = await harness.signed('GET', '/2/users/me', { app: APP_NAMES.readOnly });

    expect(response.status).toBe(200);
  });

  it('reject every request from an unattached app', async () => {
    const unattached = harness.portal.apps.find((app) => app.name === APP_NAMES.unattached)!;
    const responses = [
      await harness.signed('POST', `/2/users/${DEV}/following`, { app: APP_NAMES.unattached, ...FOLLOW_TWITTER_DEV }),
      await harness.signed('GET', '/2/users/me', { app: APP_NAMES.unattached }),
      await harness.withBearer('GET', `/2/users/${DEV}/followers`, unattached.bearerToken),
    ];

    for (const response of responses) {
      expect(response.status).toBe(403);
      expect(response.json).toEqual({
        client_id: unattached.appId,
        detail:
          'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
        registration_url: 'https://developer.x.com/en/portal/product',
        title: 'Client Forbidden',
        required_enrollment: 'Appropriate Level of API Access',
        reason: 'client-not-enrolled',
        type: `${PROBLEM_PREFIX}client-forbidden`,
      });
    }
  });
});

describe('rate limits', () => {
  it('return 429 after 50 follows', async () => {
    for (let request = 1; request <= 50; request += 1) {
      const response = await harness.signed('POST', `/2/users/${DEV}/following`, FOLLOW_TWITTER_DEV);
      expect(response.status).toBe(200);
      expect(rateLimitHeaders(response).remaining).toBe(String(50 - request));
    }

    const limited = await harness.signed('POST', `/2/users/${DEV}/following`, FOLLOW_TWITTER_DEV);

    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(limited.text).toBe('{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}');
    expect(rateLimitHeaders(limited)).toEqual({
      limit: '50',
      remaining: '0',
      reset: String(Math.ceil((TEST_START_MS + RATE_LIMIT_WINDOW_MS) / 1000)),
    });
  });

  it('keep unfollows in their own bucket', async () => {
    const key = 'follow:user:' + DEV;
    harness.sandbox.state.rateLimiter.setRemaining(key, 0);

    const follow = await harness.signed('POST', `/2/users/${DEV}/following`, FOLLOW_TWITTER_DEV);
    const unfollow = await harness.signed('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`);

    expect(follow.status).toBe(429);
    expect(unfollow.status).toBe(200);
    expect(rateLimitHeaders(unfollow)).toMatchObject({ limit: '50', remaining: '49' });
  });

  it('reset when the window ends', async () => {
    harness.sandbox.state.rateLimiter.setRemaining('me:user:' + DEV, 0);
    expect((await harness.signed('GET', '/2/users/me')).status).toBe(429);

    harness.advanceSeconds(RATE_LIMIT_WINDOW_MS / 1000);
    const response = await harness.signed('GET', '/2/users/me');

    expect(response.status).toBe(200);
    expect(rateLimitHeaders(response)).toMatchObject({ limit: '75', remaining: '74' });
  });

  it('headers come with every API response', async () => {
    harness.sandbox.state.rateLimiter.setRemaining('following:user:' + DEV, 0);
    const responses = [
      await harness.signed('GET', '/2/users/me'),
      await harness.signed('GET', '/2/users/by/username/TwitterDev'),
      await harness.signed('GET', '/2/users/abc/followers'),
      await harness.signed('GET', `/2/users/${DEV}/following`),
      await harness.signed('POST', `/2/users/${DEV}/following`, { json: {} }),
      await harness.signed('DELETE', `/2/users/${DEV}/following/${SEEDED_USER_IDS.adaBuilds}`),
      await sendRaw(harness.port, { method: 'GET', target: '/2/users/me' }),
      await harness.withBearer('GET', '/2/users/me'),
      await harness.signed('GET', '/2/users/me', { app: APP_NAMES.unattached }),
    ];

    expect(responses.map((response) => response.status)).toEqual([200, 200, 400, 429, 400, 200, 401, 403, 403]);
    for (const response of responses) {
      const headers = rateLimitHeaders(response);
      expect(headers.limit).toMatch(/^[0-9]+$/);
      expect(headers.remaining).toMatch(/^[0-9]+$/);
      expect(headers.reset).toMatch(/^[0-9]{10}$/);
    }
  });

  it('do not count rejected credentials', async () => {
    await sendRaw(harness.port, { method: 'GET', target: '/2/users/me' });
    const response = await harness.signed('GET', '/2/users/me');

    expect(rateLimitHeaders(response)).toMatchObject({ limit: '75', remaining: '74' });
  });
});

describe('Host check', () => {
  it('rejects a foreign Host with 421', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target: '/portal.json', headers: { host: 'evil.example:80' } });

    expect(response.status).toBe(421);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toEqual({
      title: 'Misdirected Request',
      detail: `The Host header "evil.example:80" is not one this sandbox serves. Send the request to one of: 127.0.0.1:${harness.port}, localhost:${harness.port}, [::1]:${harness.port}, sandbox.test:${harness.port}.`,
      type: 'about:blank',
      status: 421,
    });
  });

  it('rejects the right name on the wrong port', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target: '/2/users/me', headers: { host: 'localhost:1' } });

    expect(response.status).toBe(421);
  });

  it('accepts loopback names and allowed hosts', async () => {
    for (const host of [`localhost:${harness.port}`, `[::1]:${harness.port}`, `LOCALHOST:${harness.port}`, `sandbox.test:${harness.port}`]) {
      const response = await harness.signed('GET', '/2/users/me', { host });
      expect(response.status, host).toBe(200);
    }
  });
});

describe('errors', () => {
  it('are JSON for unknown routes', async () => {
    const response = await sendRaw(harness.port, { method: 'PUT', target: '/2/users/me' });

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toMatchObject({ title: 'Not Found Error', type: 'about:blank', status: 404 });
    expect((response.json as { detail: string }).detail).toContain('No sandbox endpoint matches PUT /2/users/me.');
  });

  it('are JSON without a stack trace for a crash', async () => {
    const graph = harness.sandbox.state.graph;
    graph.findUserByUsername = () => {
      throw new Error('simulated crash');
    };
    const response = await harness.withBearer('GET', '/2/users/by/username/TwitterDev');

    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json).toEqual({
      title: 'Internal Server Error',
      type: 'about:blank',
      status: 500,
      detail: 'The sandbox failed to handle this request. The sandbox log has the error.',
    });
    expect(response.text).not.toContain('simulated crash');
  });
});

describe('request log', () => {
  it('contains no credentials', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logged = await SandboxHarness.start({ logger: pino({ level: 'debug' }, stream) });
    try {
      const credentials = logged.credentials();
      await logged.signed('GET', '/2/users/me?user.fields=id');
      await logged.signed('GET', '/2/users/me', { credentials: { ...credentials, consumerSecret: 'x' } });
      await logged.withBearer('GET', `/2/users/${DEV}/followers`);
      await logged.withBearer('GET', `/2/users/${DEV}/followers`, 'AAAAunknownbearer');

      const log = lines.join('');
      expect(lines.length).toBeGreaterThanOrEqual(5);
      expect(log).toContain('"reason":"signature_mismatch"');
      for (const secret of [credentials.consumerKey, credentials.consumerSecret, credentials.token, credentials.tokenSecret, logged.bearerToken(), 'AAAAunknownbearer']) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});
