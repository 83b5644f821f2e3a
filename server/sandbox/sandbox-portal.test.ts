import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { userIdFromAccessToken } from '../../shared/ids.ts';
import { sandboxPortalSchema } from '../../shared/sandbox-portal.ts';

import { createSandbox } from './index.ts';
import { DEFAULT_REDIRECT_URI } from './oauth2/clients.ts';
import { escapeHtml, PORTAL_CSP } from './portal.ts';
import { POPULAR_FOLLOWER_COUNT, SEEDED_USER_IDS } from './seed.ts';
import { SandboxHarness, sendRaw, TEST_SEED } from './test-harness.ts';

let harness: SandboxHarness;

beforeAll(async () => {
  harness = await SandboxHarness.start();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.sandbox.reset();
});

describe('GET /portal.json', () => {
  it('matches the shared portal schema', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target: '/portal.json' });

    expect(response.status).toBe(200);
    expect(() => sandboxPortalSchema.parse(response.json)).not.toThrow();
    expect(response.json).toEqual(harness.sandbox.portal());
  });

  it('lists the read-write app and workbench_dev first', () => {
    const portal = harness.portal;

    expect(portal.apps.map((app) => [app.name, app.permission, app.projectAttached])).toEqual([
      ['Workbench Sandbox App', 'read-write', true],
      ['Read-only Sandbox App', 'read', true],
      ['Unattached Sandbox App', 'read-write', false],
      ['Public PKCE Client', 'read-write', true],
    ]);
    expect(portal.tokens[0]).toMatchObject({ appName: 'Workbench Sandbox App', userId: SEEDED_USER_IDS.workbenchDev, username: 'workbench_dev' });
  });

  it('issues credentials shaped like X credentials', () => {
    const portal = harness.portal;

    for (const app of portal.apps) {
      expect(app.appId).toMatch(/^[1-9][0-9]{7}$/);
      expect(app.consumerKey).toMatch(/^[A-Za-z0-9]{25}$/);
      expect(app.consumerSecret).toMatch(/^[A-Za-z0-9]{50}$/);
      expect(app.bearerToken).toMatch(/^A{21}[A-Za-z0-9]{91}$/);
      expect(app.oauth2.clientId).toMatch(/^[A-Za-z0-9_-]{34}$/);
      expect(Buffer.from(app.oauth2.clientId, 'base64url').toString('utf8')).toMatch(/^[A-Za-z0-9]{20}:1:ci$/);
    }
    for (const token of portal.tokens) {
      expect(token.accessToken).toMatch(/^[0-9]{1,19}-[A-Za-z0-9]{40}$/);
      expect(userIdFromAccessToken(token.accessToken)).toBe(token.userId);
      expect(token.accessTokenSecret).toMatch(/^[A-Za-z0-9]{45}$/);
    }
    for (const app of portal.apps) {
      const owners = portal.tokens.filter((token) => token.appName === app.name).map((token) => token.username);
      expect(owners).toEqual(['workbench_dev', 'ada_builds']);
    }
  });

  it('gives every app an OAuth 2.0 client', () => {
    const clients = harness.portal.apps.map((app) => [app.name, app.oauth2.clientType, app.oauth2.redirectUris]);

    expect(clients).toEqual([
      ['Workbench Sandbox App', 'confidential', [DEFAULT_REDIRECT_URI]],
      ['Read-only Sandbox App', 'confidential', [DEFAULT_REDIRECT_URI]],
      ['Unattached Sandbox App', 'confidential', [DEFAULT_REDIRECT_URI]],
      ['Public PKCE Client', 'public', [DEFAULT_REDIRECT_URI]],
    ]);
    for (const app of harness.portal.apps.filter((candidate) => candidate.oauth2.clientType === 'confidential')) {
      expect(app.oauth2.clientSecret).toMatch(/^[A-Za-z0-9_-]{50}$/);
    }
    expect(harness.portal.apps[3]!.oauth2.clientSecret).toBeNull();
    expect(new Set(harness.portal.apps.map((app) => app.oauth2.clientId)).size).toBe(4);
  });

  it('lists the seeded users with live counts', () => {
    const users = harness.portal.users;
    const byName = new Map(users.map((user) => [user.username, user]));

    expect(users.map((user) => user.username)).toEqual([
      'workbench_dev',
      'TwitterDev',
      'protected_pat',
      'suspended_sam',
      'ada_builds',
      'grace_codes',
      'linus_ships',
      'margaret_apis',
      'ken_tests',
      'popular_pia',
    ]);
    expect(byName.get('TwitterDev')).toEqual({
      id: '2244994945',
      username: 'TwitterDev',
      name: 'Developers',
      protected: false,
      suspended: false,
      followersCount: 5,
      followingCount: 0,
    });
    expect(byName.get('protected_pat')?.protected).toBe(true);
    expect(byName.get('suspended_sam')?.suspended).toBe(true);
    expect(byName.get('popular_pia')?.followersCount).toBe(POPULAR_FOLLOWER_COUNT + 1);
    expect(byName.get('workbench_dev')).toMatchObject({ id: '1588987262754234368', followingCount: 2, followersCount: 2 });
  });

  it('stays the same for the same seed', () => {
    const again = createSandbox({ seed: TEST_SEED }).portal();
    const other = createSandbox({ seed: 'another seed' }).portal();

    expect(again).toEqual(harness.portal);
    expect(other.apps[0]?.consumerKey).not.toBe(harness.portal.apps[0]?.consumerKey);
    expect(other.tokens[0]?.accessToken).not.toBe(harness.portal.tokens[0]?.accessToken);
    expect(other.apps[0]?.oauth2.clientId).not.toBe(harness.portal.apps[0]?.oauth2.clientId);
    expect(other.apps[0]?.oauth2.clientSecret).not.toBe(harness.portal.apps[0]?.oauth2.clientSecret);
  });

  it('rejects an empty seed', () => {
    expect(() => createSandbox({ seed: '' })).toThrow('SandboxOptions.seed must not be empty');
  });
});

describe('registerRedirectUri', () => {
  const CALLBACK = 'http://127.0.0.1:4999/oauth2/callback';

  it('adds a callback URL to the portal once', () => {
    const sandbox = createSandbox({ seed: TEST_SEED });
    const clientId = sandbox.portal().apps[0]!.oauth2.clientId;

    sandbox.registerRedirectUri(clientId, CALLBACK);
    sandbox.registerRedirectUri(clientId, CALLBACK);
    sandbox.reset();

    expect(sandbox.portal().apps[0]!.oauth2.redirectUris).toEqual([DEFAULT_REDIRECT_URI, CALLBACK]);
    expect(sandbox.portal().apps[1]!.oauth2.redirectUris).toEqual([DEFAULT_REDIRECT_URI]);
  });

  it('rejects an unknown client ID', () => {
    const sandbox = createSandbox({ seed: TEST_SEED });

    expect(() => sandbox.registerRedirectUri('nope', CALLBACK)).toThrow('registerRedirectUri: unknown client_id "nope"');
  });

  it.each([
    ['/oauth2/callback', 'is not an absolute URL'],
    ['javascript:alert(1)', 'must use http or https'],
    ['http://127.0.0.1:4999/callback#done', 'must not contain a fragment'],
    ['http://user:pass@127.0.0.1:4999/callback', 'must not contain a user name or password'],
  ])('rejects %s', (uri, message) => {
    const sandbox = createSandbox({ seed: TEST_SEED });
    const clientId = sandbox.portal().apps[0]!.oauth2.clientId;

    expect(() => sandbox.registerRedirectUri(clientId, uri)).toThrow(message);
    expect(sandbox.portal().apps[0]!.oauth2.redirectUris).toEqual([DEFAULT_REDIRECT_URI]);
  });
});

describe('GET /', () => {
  it('serves the portal page without scripts', async () => {
    const response = await sendRaw(harness.port, { method: 'GET', target: '/' });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect(PORTAL_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(response.text).toContain('<title>X Sandbox developer portal</title>');
    expect(response.text).toContain('These keys and tokens are fake.');
    expect(response.text).not.toMatch(/<script/i);
    expect(response.text).toContain(harness.portal.apps[0]!.consumerKey);
    expect(response.text).toContain(harness.portal.tokens[0]!.accessTokenSecret);
    expect(response.text).toContain('@workbench_dev (1588987262754234368)');
    expect(response.text).toContain(harness.portal.apps[0]!.oauth2.clientId);
    expect(response.text).toContain(harness.portal.apps[0]!.oauth2.clientSecret!);
    expect(response.text).toContain(`<td class="secret lines">${DEFAULT_REDIRECT_URI}</td>`);
    expect(response.text).toContain('<td>Public (PKCE only, no secret)</td>');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('reset', () => {
  it('restores the seeded state', async () => {
    const dev = SEEDED_USER_IDS.workbenchDev;
    await harness.signed('POST', `/2/users/${dev}/following`, { json: { target_user_id: SEEDED_USER_IDS.twitterDev } });
    await harness.signed('DELETE', `/2/users/${dev}/following/${SEEDED_USER_IDS.adaBuilds}`);
    harness.sandbox.state.graph.addGeneratedFollowers(dev, 10);
    const before = harness.portal.users.find((user) => user.id === dev);
    expect(before).toMatchObject({ followingCount: 2, followersCount: 12 });

    harness.sandbox.reset();

    const graph = harness.sandbox.state.graph;
    expect(graph.isFollowing(dev, SEEDED_USER_IDS.twitterDev)).toBe(false);
    expect(graph.isFollowing(dev, SEEDED_USER_IDS.adaBuilds)).toBe(true);
    expect(harness.portal.users.find((user) => user.id === dev)).toMatchObject({ followingCount: 2, followersCount: 2 });
    expect(graph.findUser('1900000000000000251')).toBeUndefined();
  });

  it('forgets rate-limit counters and nonces', async () => {
    harness.sandbox.state.rateLimiter.setRemaining(`me:user:${SEEDED_USER_IDS.workbenchDev}`, 0);
    await harness.signed('GET', '/2/users/me', { nonce: 'nonce-before-reset' });

    harness.sandbox.reset();
    const response = await harness.signed('GET', '/2/users/me', { nonce: 'nonce-before-reset' });

    expect(response.status).toBe(200);
    expect(response.headers['x-rate-limit-remaining']).toBe('74');
  });
});
