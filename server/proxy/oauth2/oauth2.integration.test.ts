import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, OAuth2CompleteResult, OAuth2SignOutResult, SendResult } from '../../../shared/api.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';
import { completeAuthorization, readStoredTokens, signIn, startAuthorization, submitConsent } from './oauth2-test-flow.ts';

const WORKBENCH_DEV = '1588987262754234368';
const TWITTER_DEV = '2244994945';
const ADA = '1092837465019283746';
const HOUR_MS = 3_600_000;

let workbench: TestWorkbench;
let portal: SandboxPortal;
let clockOffsetMs = 0;

beforeAll(async () => {
  workbench = await startTestWorkbench({}, { now: () => Date.now() + clockOffsetMs });
  portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
});

afterAll(async () => {
  await workbench.stop();
});

beforeEach(() => {
  clockOffsetMs = 0;
});

/** Opens a new browser session with an environment of its own on the sandbox, so that tests do not share sign-ins. */
async function newSandboxEnvironment(name: string, appName = portal.apps[0]!.name): Promise<{ client: ApiClient; environment: EnvironmentView }> {
  const client = await workbench.newClient();
  const app = portal.apps.find((candidate) => candidate.name === appName)!;
  const created = await client.request<EnvironmentView>('POST', '/api/environments', {
    name,
    baseUrl: workbench.sandboxUrl,
    authType: 'oauth2',
    variables: [
      { key: 'client_id', value: app.oauth2.clientId },
      ...(app.oauth2.clientSecret === null ? [] : [{ key: 'client_secret', value: app.oauth2.clientSecret }]),
      { key: 'bearer_token', value: app.bearerToken },
    ],
  });
  if (created.status !== 201) {
    throw new Error(`creating environment ${name} failed with ${created.status}: ${created.text}`);
  }

  return { client, environment: created.json };
}

async function environmentView(client: ApiClient, id: string): Promise<EnvironmentView> {
  return (await client.request<EnvironmentView>('GET', `/api/environments/${id}`)).json;
}

function follow(client: ApiClient, environmentId: string, targetUserId: string, authType?: 'oauth1' | 'oauth2' | 'app-only') {
  return client.send<SendResult>({
    environmentId,
    requestId: 'follow',
    body: JSON.stringify({ target_user_id: targetUserId }),
    ...(authType === undefined ? {} : { authType }),
  });
}

async function sandboxMe(accessToken: string): Promise<number> {
  const response = await fetch(`${workbench.sandboxUrl}/2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  await response.arrayBuffer();

  return response.status;
}

function countLogLines(message: string): number {
  return workbench.logLines.filter((line) => line.includes(`"msg":"${message}"`)).length;
}

describe('OAuth 2.0 Authorization Code with PKCE through the proxy', () => {
  describe('a full sign-in', () => {
    it('starts with an S256 challenge, a long state and the registered redirect URI', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE start');

      const url = await startAuthorization(client, environment.id);

      expect(url.origin + url.pathname).toBe(`${workbench.sandboxUrl}/i/oauth2/authorize`);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('client_id')).toBe(portal.apps[0]!.oauth2.clientId);
      expect(url.searchParams.get('redirect_uri')).toBe(`${workbench.url}/oauth2/callback`);
      expect(url.searchParams.get('scope')).toBe('tweet.read users.read follows.read follows.write offline.access');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);
    });

    it('signs in and follows with the token', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE follow');
      const redirect = await submitConsent(await startAuthorization(client, environment.id), ADA);

      const completed = await completeAuthorization(client, redirect);
      const followed = await follow(client, environment.id, TWITTER_DEV);

      expect(completed.status).toBe(200);
      const result = completed.json as OAuth2CompleteResult;
      expect(result.environmentId).toBe(environment.id);
      expect(result.status.userId).toBe(ADA);
      expect(result.status.username).toBe('ada_builds');
      expect(result.status.scopes).toEqual(['tweet.read', 'users.read', 'follows.read', 'follows.write', 'offline.access']);
      expect(result.status.refreshable).toBe(true);
      expect(Date.parse(result.status.expiresAt)).toBeGreaterThan(Date.now() + HOUR_MS);
      expect(followed.json.response.status).toBe(200);
      expect(JSON.parse(followed.json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(followed.json.request.url).toBe(`${workbench.sandboxUrl}/2/users/${ADA}/following`);
      expect(followed.json.request.headers).toContainEqual(['Authorization', 'Bearer [redacted]']);
      expect(followed.json.authType).toBe('oauth2');
      expect(followed.json.notes).toEqual([]);
    });

    it('shows the sign-in in the environment view without any token', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE view');
      await signIn(client, environment.id, WORKBENCH_DEV);
      const stored = readStoredTokens(workbench.dataDir, environment.id)!;

      const listed = await client.request('GET', '/api/environments');
      const single = await client.request<EnvironmentView>('GET', `/api/environments/${environment.id}`);

      expect(single.json.oauth2).toEqual({
        userId: WORKBENCH_DEV,
        username: 'workbench_dev',
        scopes: ['tweet.read', 'users.read', 'follows.read', 'follows.write', 'offline.access'],
        expiresAt: expect.any(String),
        refreshable: true,
      });
      for (const text of [listed.text, single.text, workbench.logLines.join('')]) {
        expect(text).not.toContain(stored.accessToken);
        expect(text).not.toContain(stored.refreshToken!);
      }
    });

    it('works for a public client, which sends client_id instead of a secret', async () => {
      const publicApp = portal.apps.find((app) => app.oauth2.clientType === 'public')!;
      const { client, environment } = await newSandboxEnvironment('PKCE public', publicApp.name);

      await signIn(client, environment.id, WORKBENCH_DEV);
      const me = await client.send<SendResult>({ environmentId: environment.id, requestId: 'me' });

      expect(me.json.response.status).toBe(200);
      expect(JSON.parse(me.json.response.body).data.id).toBe(WORKBENCH_DEV);
    });

    it('fills an empty id with the signed-in user', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE default id');
      await signIn(client, environment.id, ADA);

      const { json } = await client.send<SendResult>({ environmentId: environment.id, requestId: 'following' });

      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/${ADA}/following`);
    });
  });

  describe('completing', () => {
    it('rejects a state from another session and keeps it for its own', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE other session');
      const intruder = await workbench.newClient();
      const redirect = await submitConsent(await startAuthorization(client, environment.id), WORKBENCH_DEV);

      const stolen = await completeAuthorization(intruder, redirect);
      const own = await completeAuthorization(client, redirect);

      expect(stolen.status).toBe(400);
      expect((stolen.json as ApiErrorBody).error.field).toBe('state');
      expect((stolen.json as ApiErrorBody).error.message).toContain('another browser session');
      expect(own.status).toBe(200);
    });

    it('rejects a state that was already used', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE reuse');
      const redirect = await submitConsent(await startAuthorization(client, environment.id), WORKBENCH_DEV);
      await completeAuthorization(client, redirect);

      const again = await completeAuthorization(client, redirect);

      expect(again.status).toBe(400);
      expect((again.json as ApiErrorBody).error.message).toContain('already used');
    });

    it('rejects a sign-in older than 10 minutes', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE expired');
      const redirect = await submitConsent(await startAuthorization(client, environment.id), WORKBENCH_DEV);
      clockOffsetMs = 11 * 60_000;

      const late = await completeAuthorization(client, redirect);

      expect(late.status).toBe(400);
      expect((late.json as ApiErrorBody).error.message).toContain('expired');
      expect((await environmentView(client, environment.id)).oauth2).toBeNull();
    });

    it('explains access_denied and stores nothing', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE denied');
      const redirect = await submitConsent(await startAuthorization(client, environment.id), WORKBENCH_DEV, 'deny');

      const denied = await completeAuthorization(client, redirect);

      expect(redirect.error).toBe('access_denied');
      expect(denied.status).toBe(400);
      expect((denied.json as ApiErrorBody).error.message).toBe(
        'Authorization was cancelled on the consent page (access_denied), so nothing was stored (press Authorize to try again)',
      );
      expect((await environmentView(client, environment.id)).oauth2).toBeNull();
    });

    it('rejects an unknown state', async () => {
      const client = await workbench.newClient();

      const answer = await client.request<ApiErrorBody>('POST', '/api/oauth2/complete', { state: 'made-up', code: 'made-up' });

      expect(answer.status).toBe(400);
      expect(answer.json.error.field).toBe('state');
    });
  });

  describe('starting', () => {
    it('names client_id when the environment has none', async () => {
      const client = await workbench.newClient();
      const xApi = await client.environmentNamed('X API');

      const answer = await client.request<ApiErrorBody>('POST', '/api/oauth2/start', { environmentId: xApi.id });

      expect(answer.status).toBe(400);
      expect(answer.json.error.field).toBe('environment.client_id');
    });

    it('rejects a malformed scope', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE bad scope');

      const answer = await client.request<ApiErrorBody>('POST', '/api/oauth2/start', { environmentId: environment.id, scopes: ['follows write'] });

      expect(answer.status).toBe(400);
      expect(answer.json.error.message).toBe('scopes.0: must be a scope name such as follows.write; got "follows write"');
    });
  });

  describe('refreshing', () => {
    it('refreshes a token that expires within a minute before sending', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE expiry');
      await signIn(client, environment.id, WORKBENCH_DEV);
      const before = readStoredTokens(workbench.dataDir, environment.id)!;
      clockOffsetMs = 2 * HOUR_MS - 30_000;

      const { json } = await client.send<SendResult>({ environmentId: environment.id, requestId: 'me' });
      const after = readStoredTokens(workbench.dataDir, environment.id)!;

      expect(json.response.status).toBe(200);
      expect(json.notes).toEqual(['The OAuth 2.0 access token was about to expire, so the proxy refreshed it before sending.']);
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    });

    it('refreshes once for two sends racing past the expiry', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE race');
      await signIn(client, environment.id, WORKBENCH_DEV);
      clockOffsetMs = 3 * HOUR_MS;
      const refreshesBefore = countLogLines('oauth2: access token refreshed');

      const results = await Promise.all([
        client.send<SendResult>({ environmentId: environment.id, requestId: 'me' }),
        client.send<SendResult>({ environmentId: environment.id, requestId: 'following' }),
      ]);

      expect(results.map((result) => result.json.response.status)).toEqual([200, 200]);
      expect(countLogLines('oauth2: access token refreshed') - refreshesBefore).toBe(1);
    });

    it('refreshes and retries once after a 401', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE 401');
      await signIn(client, environment.id, WORKBENCH_DEV);
      const revoked = readStoredTokens(workbench.dataDir, environment.id)!;
      const app = portal.apps[0]!;
      await fetch(`${workbench.sandboxUrl}/2/oauth2/revoke`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${app.oauth2.clientId}:${app.oauth2.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ token: revoked.accessToken, token_type_hint: 'access_token' }).toString(),
      });

      const { json } = await follow(client, environment.id, TWITTER_DEV);

      expect(await sandboxMe(revoked.accessToken)).toBe(401);
      expect(json.response.status).toBe(200);
      expect(JSON.parse(json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(json.notes).toEqual(['X answered 401 to the OAuth 2.0 access token, so the proxy refreshed it and sent the request once more.']);
    });

    it('passes the 401 on with the reason when refreshing fails too', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE dead grant');
      await signIn(client, environment.id, WORKBENCH_DEV);
      const stored = readStoredTokens(workbench.dataDir, environment.id)!;
      const app = portal.apps[0]!;
      await fetch(`${workbench.sandboxUrl}/2/oauth2/revoke`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${app.oauth2.clientId}:${app.oauth2.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ token: stored.refreshToken!, token_type_hint: 'refresh_token' }).toString(),
      });

      const { json } = await client.send<SendResult>({ environmentId: environment.id, requestId: 'me' });

      expect(json.response.status).toBe(401);
      expect(json.notes).toHaveLength(1);
      expect(json.notes![0]).toMatch(/^X answered 401 to the OAuth 2.0 access token, and it could not be refreshed: POST .*\/2\/oauth2\/token returned 400 invalid_grant/);
      expect((await environmentView(client, environment.id)).oauth2).toBeNull();
    });
  });

  describe('signing out', () => {
    it('revokes the tokens and forgets the sign-in', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE sign out');
      await signIn(client, environment.id, WORKBENCH_DEV);
      const stored = readStoredTokens(workbench.dataDir, environment.id)!;
      expect(await sandboxMe(stored.accessToken)).toBe(200);

      const answer = await client.request<OAuth2SignOutResult>('POST', '/api/oauth2/sign-out', { environmentId: environment.id });

      expect(answer.json).toEqual({ revoked: true, message: null });
      expect(await sandboxMe(stored.accessToken)).toBe(401);
      expect(readStoredTokens(workbench.dataDir, environment.id)).toBeNull();
      expect((await environmentView(client, environment.id)).oauth2).toBeNull();
    });

    it('asks to authorize when sending after sign-out', async () => {
      const { client, environment } = await newSandboxEnvironment('PKCE after sign out');

      const { status, json } = await client.send<ApiErrorBody>({ environmentId: environment.id, requestId: 'me' });

      expect(status).toBe(400);
      expect(json.error.message).toBe('Nobody is signed in with OAuth 2.0 in environment "PKCE after sign out" (open the Authorization tab and press Authorize)');
    });
  });

  describe('app-only bearer', () => {
    it('passes through X\'s 403 unsupported-authentication on follow', async () => {
      const { client, environment } = await newSandboxEnvironment('App-only follow');

      const { json } = await client.send<SendResult>({
        environmentId: environment.id,
        requestId: 'follow',
        authType: 'app-only',
        pathVariables: { id: WORKBENCH_DEV },
        body: JSON.stringify({ target_user_id: TWITTER_DEV }),
      });

      expect(json.response.status).toBe(403);
      expect(JSON.parse(json.response.body).type).toMatch(/\/unsupported-authentication$/);
      expect(json.request.headers).toContainEqual(['Authorization', 'Bearer [redacted]']);
      expect(json.authType).toBe('app-only');
    });

    it('looks up a username', async () => {
      const { client, environment } = await newSandboxEnvironment('App-only lookup');

      const { json } = await client.send<SendResult>({
        environmentId: environment.id,
        requestId: 'user-by-username',
        authType: 'app-only',
        pathVariables: { username: 'TwitterDev' },
      });

      expect(JSON.parse(json.response.body).data.id).toBe(TWITTER_DEV);
    });

    it('asks for an ID, because the bearer token has no user', async () => {
      const { client, environment } = await newSandboxEnvironment('App-only no id');

      const { status, json } = await client.send<ApiErrorBody>({ environmentId: environment.id, requestId: 'following', authType: 'app-only' });

      expect(status).toBe(400);
      expect(json.error.field).toBe('pathVariables.id');
      expect(json.error.message).toContain('an app-only bearer token acts as no user');
    });
  });

  describe('the auth type', () => {
    it('is stored per environment and defaults to OAuth 1.0a', async () => {
      const client = await workbench.newClient();
      const sandbox = await client.environmentNamed('X Sandbox');

      const updated = await client.request<EnvironmentView>('PATCH', `/api/environments/${sandbox.id}`, { authType: 'app-only' });

      expect(sandbox.authType).toBe('oauth1');
      expect(updated.json.authType).toBe('app-only');
    });

    it('rejects an unknown auth type with the allowed values', async () => {
      const client = await workbench.newClient();
      const sandbox = await client.environmentNamed('X Sandbox');

      const answer = await client.request<ApiErrorBody>('PATCH', `/api/environments/${sandbox.id}`, { authType: 'oauth3' });

      expect(answer.status).toBe(400);
      expect(answer.json.error.field).toBe('authType');
    });

    it('seeds X Sandbox with the sandbox app\'s OAuth 2.0 client', async () => {
      const client = await workbench.newClient();
      const sandbox = await client.environmentNamed('X Sandbox');

      expect(sandbox.variables.find((variable) => variable.key === 'client_id')?.value).toBe(portal.apps[0]!.oauth2.clientId);
      expect(sandbox.variables.find((variable) => variable.key === 'client_secret')).toMatchObject({ secret: true, set: true, value: null });
    });
  });
});
