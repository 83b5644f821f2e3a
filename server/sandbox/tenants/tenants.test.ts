import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SANDBOX_ADMIN_TOKEN_HEADER, type SandboxTenantProvision, type SandboxTenantStatus } from '../../../shared/sandbox-control.ts';
import { SEEDED_USER_IDS } from '../seed.ts';
import { SandboxHarness, rateLimitHeaders, sendRaw, type TestResponse } from '../test-harness.ts';
import type { SigningCredentials } from '../test-signer.ts';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const PROBLEMS = 'https://api.twitter.com/2/problems/';

let harness: SandboxHarness;

beforeAll(async () => {
  harness = await SandboxHarness.start({ adminToken: ADMIN_TOKEN });
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
});

function control(method: string, path: string, token: string | null = ADMIN_TOKEN): Promise<TestResponse> {
  return sendRaw(harness.port, { method, target: `/__sandbox${path}`, headers: token === null ? {} : { [SANDBOX_ADMIN_TOKEN_HEADER]: token } });
}

async function provision(tenantId: string): Promise<{ provision: SandboxTenantProvision; signing: SigningCredentials }> {
  const response = await control('PUT', `/tenants/${tenantId}`);
  expect(response.status).toBe(200);
  const provision = response.json as SandboxTenantProvision;

  return {
    provision,
    signing: {
      consumerKey: provision.credentials.consumerKey,
      consumerSecret: provision.credentials.consumerSecret,
      token: provision.credentials.accessToken,
      tokenSecret: provision.credentials.accessTokenSecret,
    },
  };
}

function follow(signing: SigningCredentials, sourceId: string, targetId: string, timestampSeconds?: number): Promise<TestResponse> {
  return harness.signed('POST', `/2/users/${sourceId}/following`, {
    credentials: signing,
    json: { target_user_id: targetId },
    ...(timestampSeconds === undefined ? {} : { timestampSeconds }),
  });
}

describe('control API', () => {
  it('rejects a call without the admin token', async () => {
    const response = await control('PUT', '/tenants/team-a', null);

    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ title: 'Unauthorized', detail: `The control API needs the admin token in the ${SANDBOX_ADMIN_TOKEN_HEADER} header.` });
    expect(harness.sandbox.state.tenants.find('team-a')).toBeUndefined();
  });

  it('rejects a wrong admin token', async () => {
    const response = await control('PUT', '/tenants/team-a', 'wrong');

    expect(response.status).toBe(401);
  });

  it('rejects an invalid tenant ID', async () => {
    const response = await control('PUT', '/tenants/a.b');

    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ detail: 'The tenant ID must be 1 to 64 letters, digits, "_" or "-"; got "a.b".' });
  });

  it('answers 404 for a tenant never provisioned', async () => {
    const response = await control('POST', '/tenants/never-seen/scenarios/read-only-app');

    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ detail: 'The tenant never-seen is not provisioned; send PUT /__sandbox/tenants/never-seen first.' });
  });

  it('answers 404 for an unknown scenario', async () => {
    await provision('team-a');

    const response = await control('POST', '/tenants/team-a/scenarios/melt-down');

    expect(response.status).toBe(404);
    expect((response.json as { detail: string }).detail).toContain('No scenario "melt-down"; the scenarios are read-only-app, ');
  });

  it('gives each tenant its own app, user and token', async () => {
    const first = await provision('team-a');
    const second = await provision('team-b');

    expect(first.provision.credentials.consumerKey).not.toBe(second.provision.credentials.consumerKey);
    expect(first.provision.status.user.id).not.toBe(second.provision.status.user.id);
    expect(first.provision.status.user.id).toMatch(/^17[0-9]{17}$/);
    expect(first.provision.credentials.accessToken.startsWith(`${first.provision.status.user.id}-`)).toBe(true);
  });

  it('derives the same keys for the same tenant after a restart', async () => {
    const before = await provision('team-a');
    const restarted = await SandboxHarness.start({ adminToken: ADMIN_TOKEN });
    try {
      const response = await sendRaw(restarted.port, {
        method: 'PUT',
        target: '/__sandbox/tenants/team-a',
        headers: { [SANDBOX_ADMIN_TOKEN_HEADER]: ADMIN_TOKEN },
      });

      expect((response.json as SandboxTenantProvision).credentials).toEqual(before.provision.credentials);
    } finally {
      await restarted.close();
    }
  });

  it('keeps tenants off the portal', async () => {
    const { provision: tenant } = await provision('team-a');

    expect(harness.portal.users.map((user) => user.id)).not.toContain(tenant.status.user.id);
    expect(harness.portal.apps.map((app) => app.consumerKey)).not.toContain(tenant.credentials.consumerKey);
  });

  it('is absent when the sandbox has no admin token', async () => {
    const plain = await SandboxHarness.start();
    try {
      const response = await sendRaw(plain.port, { method: 'PUT', target: '/__sandbox/tenants/team-a', headers: { [SANDBOX_ADMIN_TOKEN_HEADER]: ADMIN_TOKEN } });

      expect(response.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('scenarios', () => {
  it('read-only-app answers 403 oauth1-permissions to a follow', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/read-only-app');

    const response = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.twitterDev);

    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ type: `${PROBLEMS}oauth1-permissions` });
  });

  it('read-only-app leaves other tenants alone', async () => {
    await provision('team-a');
    const other = await provision('team-b');
    await control('POST', '/tenants/team-a/scenarios/read-only-app');

    const response = await follow(other.signing, other.provision.status.user.id, SEEDED_USER_IDS.twitterDev);

    expect(response.status).toBe(200);
  });

  it('app-not-in-project answers 403 client-forbidden', async () => {
    const { signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/app-not-in-project');

    const response = await harness.signed('GET', '/2/users/me', { credentials: signing });

    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ type: `${PROBLEMS}client-forbidden`, reason: 'client-not-enrolled' });
  });

  it('clock-skew answers 401 and moves the Date header', async () => {
    const { signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/clock-skew');

    const response = await harness.signed('GET', '/2/users/me', { credentials: signing });

    expect(response.status).toBe(401);
    expect(response.headers['x-sandbox-auth-error']).toBe('timestamp_out_of_window');
    expect(response.headers.date).toBe(new Date(harness.clock.nowMs + 600_000).toUTCString());
  });

  it('clock-skew accepts a client that syncs to the Date header', async () => {
    const { signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/clock-skew');

    const response = await harness.signed('GET', '/2/users/me', { credentials: signing, timestampSeconds: Math.floor(harness.clock.nowMs / 1000) + 600 });

    expect(response.status).toBe(200);
  });

  it('clock-skew keeps the clock of other apps', async () => {
    await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/clock-skew');

    const response = await harness.signed('GET', '/2/users/me');

    expect(response.status).toBe(200);
    expect(response.headers.date).toBe(new Date(harness.clock.nowMs).toUTCString());
  });

  it('rate-limit-nearly-spent lets one request through, then 429', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/rate-limit-nearly-spent');

    const first = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.twitterDev);
    const second = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.twitterDev);

    expect(first.status).toBe(200);
    expect(rateLimitHeaders(first).remaining).toBe('0');
    expect(second.status).toBe(429);
  });

  it('protected-target leads to a pending request that can be accepted', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    const applied = (await control('POST', '/tenants/team-a/scenarios/protected-target')).json as SandboxTenantStatus;

    const pending = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.protectedPat);
    const status = (await control('GET', '/tenants/team-a')).json as SandboxTenantStatus;
    const accepted = await control('POST', `/tenants/team-a/pending/${tenant.status.user.id}/${SEEDED_USER_IDS.protectedPat}/accept`);
    const again = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.protectedPat);

    expect(applied.target).toEqual({ id: SEEDED_USER_IDS.protectedPat, username: 'protected_pat' });
    expect(pending.json).toEqual({ data: { following: false, pending_follow: true } });
    expect(status.pendingRequests).toEqual([
      { requesterId: tenant.status.user.id, target: { id: SEEDED_USER_IDS.protectedPat, username: 'protected_pat' } },
    ]);
    expect(accepted.status).toBe(200);
    expect((accepted.json as SandboxTenantStatus).pendingRequests).toEqual([]);
    expect(again.json).toEqual({ data: { following: true, pending_follow: false } });
  });

  it('protected-target request can be declined', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/protected-target');
    await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.protectedPat);

    const declined = await control('POST', `/tenants/team-a/pending/${tenant.status.user.id}/${SEEDED_USER_IDS.protectedPat}/decline`);

    expect(declined.status).toBe(200);
    expect((declined.json as SandboxTenantStatus).pendingRequests).toEqual([]);
    expect(harness.sandbox.state.graph.isFollowing(tenant.status.user.id, SEEDED_USER_IDS.protectedPat)).toBe(false);
  });

  it("refuses to decide another tenant's request", async () => {
    const first = await provision('team-a');
    await provision('team-b');
    await control('POST', '/tenants/team-a/scenarios/protected-target');
    await follow(first.signing, first.provision.status.user.id, SEEDED_USER_IDS.protectedPat);

    const response = await control('POST', `/tenants/team-b/pending/${first.provision.status.user.id}/${SEEDED_USER_IDS.protectedPat}/accept`);

    expect(response.status).toBe(404);
    expect(harness.sandbox.state.graph.hasPendingRequest(first.provision.status.user.id, SEEDED_USER_IDS.protectedPat)).toBe(true);
  });

  it('suspended-target answers 200 with a suspension error', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/suspended-target');

    const response = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.suspendedSam);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ errors: [{ title: 'Forbidden', detail: `User has been suspended: [${SEEDED_USER_IDS.suspendedSam}].` }] });
  });

  it('replaces the previous scenario', async () => {
    await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/read-only-app');

    const status = (await control('POST', '/tenants/team-a/scenarios/app-not-in-project')).json as SandboxTenantStatus;

    expect(status).toMatchObject({ scenario: 'app-not-in-project', appPermission: 'read-write', projectAttached: false });
  });
});

describe('reset', () => {
  it("restores the tenant and removes its user's follows", async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.twitterDev);
    await control('POST', '/tenants/team-a/scenarios/read-only-app');

    const status = (await control('POST', '/tenants/team-a/reset')).json as SandboxTenantStatus;

    expect(status).toMatchObject({ scenario: null, appPermission: 'read-write', projectAttached: true, clockOffsetSeconds: 0 });
    expect(harness.sandbox.state.graph.isFollowing(tenant.status.user.id, SEEDED_USER_IDS.twitterDev)).toBe(false);
  });

  it("keeps another tenant's follows", async () => {
    await provision('team-a');
    const other = await provision('team-b');
    await follow(other.signing, other.provision.status.user.id, SEEDED_USER_IDS.twitterDev);

    await control('POST', '/tenants/team-a/reset');

    expect(harness.sandbox.state.graph.isFollowing(other.provision.status.user.id, SEEDED_USER_IDS.twitterDev)).toBe(true);
  });

  it('of the whole sandbox keeps tenants able to sign in', async () => {
    const { provision: tenant, signing } = await provision('team-a');
    await control('POST', '/tenants/team-a/scenarios/read-only-app');

    harness.sandbox.reset();
    const response = await follow(signing, tenant.status.user.id, SEEDED_USER_IDS.twitterDev);

    expect(response.status).toBe(200);
  });

  it('of the built-in tenant restores the seeded sandbox', async () => {
    const dev = SEEDED_USER_IDS.workbenchDev;
    await control('PUT', '/tenants/default');
    await control('POST', '/tenants/default/scenarios/read-only-app');
    await harness.signed('DELETE', `/2/users/${dev}/following/${SEEDED_USER_IDS.adaBuilds}`);

    const status = (await control('POST', '/tenants/default/reset')).json as SandboxTenantStatus;

    expect(status).toMatchObject({ appName: 'Workbench Sandbox App', appPermission: 'read-write', user: { id: dev, username: 'workbench_dev' } });
    expect(harness.sandbox.state.graph.isFollowing(dev, SEEDED_USER_IDS.adaBuilds)).toBe(true);
  });
});
