import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../../shared/api.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const TWITTER_DEV = '2244994945';

let workbench: TestWorkbench;
let client: ApiClient;
let sandbox: EnvironmentView;
let portal: SandboxPortal;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
  sandbox = await client.environmentNamed('X Sandbox');
  portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
});

afterAll(async () => {
  await workbench.stop();
});

function userNamed(username: string) {
  const user = portal.users.find((candidate) => candidate.username === username);
  if (!user) {
    throw new Error(`The sandbox has no user ${username}`);
  }
  return user;
}

async function follow(targetUserId: string, environmentId = sandbox.id) {
  return client.send<SendResult>({
    environmentId,
    requestId: 'follow',
    body: JSON.stringify({ target_user_id: targetUserId }),
  });
}

async function unfollow(targetUserId: string) {
  return client.send<SendResult>({ environmentId: sandbox.id, requestId: 'unfollow', pathVariables: { target_user_id: targetUserId } });
}

describe('send through the proxy to the sandbox', () => {
  describe('the X Sandbox environment', () => {
    it('is filled with the sandbox keys, shown only as hints', () => {
      const consumerSecret = sandbox.variables.find((variable) => variable.key === 'consumer_secret')!;

      expect(sandbox.kind).toBe('sandbox');
      expect(sandbox.baseUrl).toBe(workbench.sandboxUrl);
      expect(consumerSecret.set).toBe(true);
      expect(consumerSecret.value).toBeNull();
      expect(consumerSecret.hint).toMatch(/^….{4}$/);
    });

    it('knows the token user ID, above 2^53 and exact', () => {
      expect(sandbox.tokenUserId).toBe(portal.tokens[0]!.userId);
      expect(sandbox.tokenUserId).toBe('1588987262754234368');
    });
  });

  describe('follow', () => {
    it('follows TwitterDev with a signed request', async () => {
      const { status, json } = await follow(TWITTER_DEV);

      expect(status).toBe(200);
      expect(json.response.status).toBe(200);
      expect(JSON.parse(json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/1588987262754234368/following`);
      expect(json.request.body).toBe(`{"target_user_id":"${TWITTER_DEV}"}`);
      expect(json.environmentName).toBe('X Sandbox');
      expect(json.durationMs).toBeGreaterThan(0);
      expect(json.sizeBytes).toBe(Buffer.byteLength(json.response.body));
    });

    it('is idempotent when sent again', async () => {
      const { json } = await follow(TWITTER_DEV);

      expect(JSON.parse(json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
    });

    it('shows the Authorization header redacted', async () => {
      const { json } = await follow(TWITTER_DEV);
      const authorization = json.request.headers.find(([name]) => name === 'Authorization')![1];

      expect(authorization).toContain('oauth_signature="[redacted]"');
      expect(authorization).toContain('oauth_consumer_key="[redacted]"');
      expect(authorization).toContain('oauth_token="[redacted]"');
    });

    it('returns pending_follow for a protected account', async () => {
      const protectedUser = portal.users.find((user) => user.protected)!;

      const { json } = await follow(protectedUser.id);

      expect(JSON.parse(json.response.body)).toEqual({ data: { following: false, pending_follow: true } });
    });

    it('passes through the 200 with errors[] for an unknown target', async () => {
      const { json } = await follow('1234567890123456789');

      expect(json.response.status).toBe(200);
      expect(JSON.parse(json.response.body).errors[0].type).toMatch(/resource-not-found$/);
    });
  });

  describe('unfollow', () => {
    it('unfollows TwitterDev', async () => {
      await follow(TWITTER_DEV);

      const { json } = await unfollow(TWITTER_DEV);

      expect(json.response.status).toBe(200);
      expect(JSON.parse(json.response.body)).toEqual({ data: { following: false } });
      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/1588987262754234368/following/${TWITTER_DEV}`);
    });
  });

  describe('lists', () => {
    it('pages through followers with next_token and previous_token', async () => {
      const popular = [...portal.users].sort((a, b) => b.followersCount - a.followersCount)[0]!;
      const firstPage = await client.send<SendResult>({
        environmentId: sandbox.id,
        requestId: 'followers',
        pathVariables: { id: popular.id },
        query: [{ key: 'max_results', value: '100', enabled: true }],
      });
      const first = JSON.parse(firstPage.json.response.body);

      const secondPage = await client.send<SendResult>({
        environmentId: sandbox.id,
        requestId: 'followers',
        pathVariables: { id: popular.id },
        query: [
          { key: 'max_results', value: '100', enabled: true },
          { key: 'pagination_token', value: first.meta.next_token, enabled: true },
        ],
      });
      const second = JSON.parse(secondPage.json.response.body);

      expect(popular.followersCount).toBeGreaterThan(100);
      expect(first.meta.result_count).toBe(100);
      expect(first.meta.previous_token).toBeUndefined();
      expect(second.meta.previous_token).toEqual(expect.any(String));
      expect(second.data[0].id).not.toBe(first.data[0].id);
    });

    it('lists who the token user follows after a follow', async () => {
      await follow(TWITTER_DEV);

      const { json } = await client.send<SendResult>({ environmentId: sandbox.id, requestId: 'following' });
      const ids = JSON.parse(json.response.body).data.map((user: { id: string }) => user.id);

      expect(ids).toContain(TWITTER_DEV);
    });
  });

  describe('user lookups', () => {
    it('returns the token user from /2/users/me with the exact ID', async () => {
      const { json } = await client.send<SendResult>({ environmentId: sandbox.id, requestId: 'me' });

      expect(json.response.body).toContain('"id":"1588987262754234368"');
      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/me`);
    });

    it('finds TwitterDev by username', async () => {
      const { json } = await client.send<SendResult>({
        environmentId: sandbox.id,
        requestId: 'user-by-username',
        pathVariables: { username: 'TwitterDev' },
      });

      expect(JSON.parse(json.response.body).data.id).toBe(TWITTER_DEV);
    });

    it('passes through the 200 with errors[] for an unknown username', async () => {
      const { json } = await client.send<SendResult>({
        environmentId: sandbox.id,
        requestId: 'user-by-username',
        pathVariables: { username: 'nobody_here_42' },
      });
      const body = JSON.parse(json.response.body);

      expect(json.response.status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].detail).toBe('Could not find user with username: [nobody_here_42].');
    });
  });

  describe('input errors', () => {
    it('rejects an ID with a trailing space before sending', async () => {
      const { status, json } = await client.send<ApiErrorBody>({
        environmentId: sandbox.id,
        requestId: 'following',
        pathVariables: { id: `${TWITTER_DEV} ` },
      });

      expect(status).toBe(400);
      expect(json.error).toEqual({
        code: 'invalid_request',
        field: 'pathVariables.id',
        message: `pathVariables.id must be 1 to 19 digits; got "${TWITTER_DEV} " (remove the trailing whitespace)`,
      });
    });

    it('rejects an unknown environment as not found', async () => {
      const { status, json } = await client.send<ApiErrorBody>({ environmentId: 'nope', requestId: 'me' });

      expect(status).toBe(404);
      expect(json.error.code).toBe('not_found');
    });

    it('explains missing credentials in the X API environment', async () => {
      const xApi = await client.environmentNamed('X API');

      const { status, json } = await client.send<ApiErrorBody>({ environmentId: xApi.id, requestId: 'me' });

      expect(status).toBe(400);
      expect(json.error.message).toContain('OAuth 1.0a needs consumer_key, consumer_secret, access_token, token_secret');
    });
  });

  describe('auth failures', () => {
    it('gets X\'s 401 when the consumer secret is wrong', async () => {
      const copy = await client.request<EnvironmentView>('POST', '/api/environments', {
        name: 'Wrong secret',
        baseUrl: workbench.sandboxUrl,
        variables: [
          { key: 'consumer_key', value: portal.apps[0]!.consumerKey },
          { key: 'consumer_secret', value: 'not-the-right-secret' },
          { key: 'access_token', value: portal.tokens[0]!.accessToken },
          { key: 'token_secret', value: portal.tokens[0]!.accessTokenSecret },
        ],
      });

      const { json } = await client.send<SendResult>({ environmentId: copy.json.id, requestId: 'me' });

      expect(json.response.status).toBe(401);
      expect(JSON.parse(json.response.body)).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    });
  });

  describe('rate limit', () => {
    it('passes through the sandbox 429 after 50 follows, with the rate-limit headers', async () => {
      const target = userNamed('TwitterDev').id;
      const statuses: number[] = [];
      let last: SendResult | undefined;
      for (let index = 0; index < 55; index++) {
        const { json } = await follow(target);
        statuses.push(json.response.status);
        last = json;
      }
      const headers = new Map(last!.response.headers);

      expect(statuses).toContain(429);
      expect(last!.response.status).toBe(429);
      expect(headers.get('x-rate-limit-limit')).toBe('50');
      expect(headers.get('x-rate-limit-remaining')).toBe('0');
      expect(Number(headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
    });
  });
});
