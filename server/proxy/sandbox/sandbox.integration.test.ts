import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendResult } from '../../../shared/api.ts';
import { buildExplainContext } from '../../../shared/explain/context.ts';
import { explainResponse } from '../../../shared/explain/explain-response.ts';
import type { Explanation } from '../../../shared/explain/types.ts';
import { sandboxTenantStatusSchema, type SandboxTenantStatus } from '../../../shared/sandbox-control.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const TWITTER_DEV = '2244994945';
const PROTECTED_PAT = '1470046488429174785';
const SUSPENDED_SAM = '1364275610764201984';

let workbench: TestWorkbench;
let client: ApiClient;
let sandbox: EnvironmentView;

beforeAll(async () => {
  workbench = await startTestWorkbench({ WORKBENCH_TEAM_MODE: '1' });
  client = await workbench.newClient();
  sandbox = await client.environmentNamed('X Sandbox');
});

afterAll(async () => {
  await workbench.stop();
});

beforeEach(async () => {
  await client.request('POST', '/api/sandbox/reset', {});
});

function applyScenario(name: string, as: ApiClient = client) {
  return as.request<SandboxTenantStatus>('POST', `/api/sandbox/scenarios/${name}`, {});
}

async function send(requestId: string, input: { body?: string; pathVariables?: Record<string, string> } = {}, as: ApiClient = client, environment = sandbox) {
  const response = await as.send<SendResult>({ environmentId: environment.id, requestId, body: input.body ?? null, pathVariables: input.pathVariables ?? {} });
  expect(response.status).toBe(200);

  return response.json;
}

function follow(targetUserId: string, as: ApiClient = client, environment = sandbox) {
  return send('follow', { body: JSON.stringify({ target_user_id: targetUserId }) }, as, environment);
}

function explain(requestId: string, result: SendResult): Explanation {
  return explainResponse(result, buildExplainContext({ requestId, authType: 'oauth1', environment: sandbox, receivedAtMs: Date.now() }));
}

describe('sandbox tenants in team mode', () => {
  it("fills the X Sandbox environment with the workspace's own keys", async () => {
    const other = await (await workbench.newClient()).environmentNamed('X Sandbox');

    expect(sandbox.tokenUserId).toMatch(/^17[0-9]{17}$/);
    expect(other.tokenUserId).toMatch(/^17[0-9]{17}$/);
    expect(other.tokenUserId).not.toBe(sandbox.tokenUserId);
    expect(sandbox.variables.filter((variable) => variable.secret).every((variable) => variable.set)).toBe(true);
  });

  it('returns the tenant state without credentials', async () => {
    const response = await client.request<SandboxTenantStatus>('GET', '/api/sandbox');

    expect(response.status).toBe(200);
    expect(sandboxTenantStatusSchema.safeParse(response.json).success).toBe(true);
    expect(response.json.user.id).toBe(sandbox.tokenUserId);
  });

  it("keeps one workspace's scenario from another", async () => {
    const other = await workbench.newClient();
    const otherSandbox = await other.environmentNamed('X Sandbox');
    await applyScenario('read-only-app');

    const result = await follow(TWITTER_DEV, other, otherSandbox);

    expect(result.response.status).toBe(200);
  });
});

describe('scenarios explained', () => {
  it('read-only app: 403 oauth1-permissions with the regenerate step', async () => {
    await applyScenario('read-only-app');

    const result = await follow(TWITTER_DEV);
    const explanation = explain('follow', result);

    expect(result.response.status).toBe(403);
    expect(explanation.title).toBe('The app is read-only');
    expect(explanation.steps[1]).toContain('Regenerate the access token and secret');
    expect(explanation.actions.map((action) => action.kind)).toEqual(['open-sandbox-scenarios', 'open-environment']);
  });

  it('app not in a Project: 403 client-forbidden with the registration link', async () => {
    await applyScenario('app-not-in-project');

    const result = await send('me');
    const explanation = explain('me', result);

    expect(result.response.status).toBe(403);
    expect(explanation.title).toBe('The app is not attached to a Project');
    expect(explanation.actions[0]).toEqual({ kind: 'open-portal-url', label: 'Open the registration page', url: 'https://developer.x.com/en/portal/product' });
  });

  it('clock skew: 401 with the skew in seconds from the Date header', async () => {
    await applyScenario('clock-skew');

    const result = await send('me');
    const explanation = explain('me', result);
    const clock = explanation.checks.find((check) => check.id === 'clock');

    expect(result.response.status).toBe(401);
    expect(explanation.title).toBe('The clocks are too far apart');
    expect(clock?.result).toBe('failed');
    expect(clock?.detail).toMatch(/the local clock is (599|600|601) s behind the server's/);
    expect(explanation.checks.find((check) => check.id === 'host')?.result).toBe('passed');
  });

  it('rate limit nearly spent: 429 with the reset time', async () => {
    await applyScenario('rate-limit-nearly-spent');

    const first = await send('me');
    const second = await send('me');
    const explanation = explain('me', second);

    expect(first.response.status).toBe(200);
    expect(second.response.status).toBe(429);
    expect(explanation.title).toBe('Rate limit reached');
    expect(explanation.rateLimitReset).not.toBeNull();
    expect(explanation.steps[0]).toMatch(/^Wait until \d\d:\d\d:\d\d \(in 1[45] min/);
  });

  it('protected target: pending, then following after acceptance', async () => {
    const status = (await applyScenario('protected-target')).json;

    const pending = await follow(PROTECTED_PAT);
    const explanation = explain('follow', pending);
    const accepted = await client.request<SandboxTenantStatus>('POST', `/api/sandbox/pending/${sandbox.tokenUserId}/${PROTECTED_PAT}/accept`, {});
    const again = await follow(PROTECTED_PAT);

    expect(status.target).toEqual({ id: PROTECTED_PAT, username: 'protected_pat' });
    expect(explanation.title).toBe('Follow request pending');
    expect(explanation.actions).toEqual([{ kind: 'open-sandbox-scenarios', label: 'Accept or decline as that user' }]);
    expect(accepted.status).toBe(200);
    expect(accepted.json.pendingRequests).toEqual([]);
    expect(JSON.parse(again.response.body)).toEqual({ data: { following: true, pending_follow: false } });
  });

  it('protected target: declining removes the request', async () => {
    await applyScenario('protected-target');
    await follow(PROTECTED_PAT);

    const declined = await client.request<SandboxTenantStatus>('POST', `/api/sandbox/pending/${sandbox.tokenUserId}/${PROTECTED_PAT}/decline`, {});
    const unfollowed = await send('unfollow', { pathVariables: { target_user_id: PROTECTED_PAT } });

    expect(declined.json.pendingRequests).toEqual([]);
    expect(explain('unfollow', unfollowed).title).toBe('Not following');
  });

  it('suspended target: 200 with errors[] is not success', async () => {
    await applyScenario('suspended-target');

    const result = await follow(SUSPENDED_SAM);
    const explanation = explain('follow', result);

    expect(result.response.status).toBe(200);
    expect(explanation.title).toBe('The target account is suspended');
    expect(explanation.cause).toContain('The status code alone is not success');
  });

  it('path ID of another user: 400 with "Use my ID"', async () => {
    const result = await send('follow', { body: JSON.stringify({ target_user_id: TWITTER_DEV }), pathVariables: { id: TWITTER_DEV } });
    const explanation = explain('follow', result);

    expect(result.response.status).toBe(400);
    expect(explanation.actions).toEqual([{ kind: 'use-my-id', label: `Use my ID (${sandbox.tokenUserId})`, field: 'pathVariables.id', userId: sandbox.tokenUserId }]);
  });

  it('reset brings the follow back to success', async () => {
    await applyScenario('read-only-app');

    await client.request('POST', '/api/sandbox/reset', {});
    const result = await follow(TWITTER_DEV);

    expect(explain('follow', result).title).toBe('Following');
  });
});

describe('signature inspector', () => {
  it('comes with every OAuth 1.0a send, with the key and token masked', async () => {
    const result = await send('me');

    expect(result.signature?.baseUrl).toBe(`${workbench.sandboxUrl}/2/users/me`);
    expect(result.signature?.baseString).toMatch(/^GET&http%3A%2F%2F127\.0\.0\.1%3A[0-9]+%2F2%2Fusers%2Fme&oauth_consumer_key%3D\[consumer key …[A-Za-z0-9]{4}\]%26/);
    expect(result.signature?.baseString).toContain('oauth_token%3D[access token …');
    expect(result.signature?.signingKeyShape).toBe('<consumer secret>&<token secret>');
  });

  it('never carries a key, token, secret or signature in local mode', async () => {
    const local = await startTestWorkbench();
    try {
      const owner = await local.newClient();
      const environment = await owner.environmentNamed('X Sandbox');
      const portal = (await (await fetch(`${local.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
      const response = await owner.send<SendResult>({ environmentId: environment.id, requestId: 'me' });
      const app = portal.apps[0]!;
      const token = portal.tokens[0]!;

      expect(response.json.signature).toBeDefined();
      for (const secret of [app.consumerKey, app.consumerSecret, token.accessToken, token.accessTokenSecret]) {
        expect(response.text).not.toContain(secret);
      }
    } finally {
      await local.stop();
    }
  });
});

describe('sandbox routes', () => {
  it('reject an unknown scenario with the list', async () => {
    const response = await applyScenario('meltdown');

    expect(response.status).toBe(404);
    expect((response.json as unknown as ApiErrorBody).error.message).toBe(
      'No sandbox scenario "meltdown" (the scenarios are read-only-app, app-not-in-project, clock-skew, rate-limit-nearly-spent, protected-target, suspended-target)',
    );
  });

  it('reject an invalid requester ID', async () => {
    const response = await client.request<ApiErrorBody>('POST', `/api/sandbox/pending/12a/${PROTECTED_PAT}/accept`, {});

    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe('requesterId');
  });

  it('answer 404 for a request that is not pending', async () => {
    const response = await client.request<ApiErrorBody>('POST', `/api/sandbox/pending/${sandbox.tokenUserId}/${PROTECTED_PAT}/accept`, {});

    expect(response.status).toBe(404);
    expect(response.json.error.message).toContain(`No pending follow request from ${sandbox.tokenUserId} to ${PROTECTED_PAT}`);
  });

  it('need the CSRF token to change state', async () => {
    const response = await client.request<ApiErrorBody>('POST', '/api/sandbox/scenarios/read-only-app', {}, { 'x-csrf-token': 'wrong' });

    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('csrf_failed');
  });

  it('leave the scenario unchanged after a rejected call', async () => {
    await client.request('POST', '/api/sandbox/scenarios/read-only-app', {}, { 'x-csrf-token': 'wrong' });

    const status = (await client.request<SandboxTenantStatus>('GET', '/api/sandbox')).json;

    expect(status.scenario).toBeNull();
  });
});

describe('after a restart', () => {
  it('keeps the workspace keys working', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-restart-'));
    try {
      const first = await startTestWorkbench({ WORKBENCH_TEAM_MODE: '1' }, { dataDir });
      const owner = await first.newClient();
      const before = await owner.environmentNamed('X Sandbox');
      await first.stop();

      const again = await startTestWorkbench({ WORKBENCH_TEAM_MODE: '1' }, { dataDir });
      try {
        const sameOwner = owner.withBaseUrl(again.url);
        const after = await sameOwner.environmentNamed('X Sandbox');
        const result = await follow(TWITTER_DEV, sameOwner, after);

        expect(after.tokenUserId).toBe(before.tokenUserId);
        expect(result.response.status).toBe(200);
      } finally {
        await again.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
