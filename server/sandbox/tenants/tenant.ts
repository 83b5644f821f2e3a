/**
 * A sandbox tenant: the app, developer user and access token of one workbench workspace, with the
 * scenario state that applies to this tenant alone. Tenants other than the built-in one derive
 * everything from the seed and the tenant ID, so the same tenant ID gets the same keys after every
 * restart.
 */
import type { SandboxApp, SandboxToken } from '../../../shared/sandbox-portal.ts';
import type { SandboxScenarioName } from '../../../shared/sandbox-scenarios.ts';
import type { SandboxUserRef } from '../../../shared/sandbox-control.ts';

import { deriveAlphanumeric, deriveBase64Url, deriveDigits } from '../derive.ts';
import { DEFAULT_PROFILE_IMAGE_URL, type UserProfile } from '../graph.ts';
import { DEFAULT_REDIRECT_URI } from '../oauth2/clients.ts';

export interface Tenant {
  readonly id: string;
  /** Its permission and projectAttached change with the scenarios. */
  readonly app: SandboxApp;
  readonly token: SandboxToken;
  readonly user: SandboxUserRef;
  /** The app's permission and Project attachment that a reset restores. */
  readonly baseline: Pick<SandboxApp, 'permission' | 'projectAttached'>;
  /** True for the tenant backed by the seeded first app, whose reset restores the whole sandbox. */
  readonly builtIn: boolean;
  scenario: SandboxScenarioName | null;
  /** Added to the sandbox clock when verifying this app's OAuth 1.0a timestamps and in its Date header. */
  clockOffsetMs: number;
  target: SandboxUserRef | null;
}

/** User IDs of derived tenant users start with these digits, which no seeded or generated user uses. */
const TENANT_USER_ID_PREFIX = '17';

/** Creates the built-in tenant on top of the seeded first app and its first token. */
export function createBuiltInTenant(id: string, app: SandboxApp, token: SandboxToken): Tenant {
  return {
    id,
    app,
    token,
    user: { id: token.userId, username: token.username },
    baseline: { permission: app.permission, projectAttached: app.projectAttached },
    builtIn: true,
    scenario: null,
    clockOffsetMs: 0,
    target: null,
  };
}

/** Derives a tenant's app, developer user and access token from the seed and the tenant ID. */
export function deriveTenant(seed: string, id: string): Tenant {
  const label = (name: string) => `tenant:${id}:${name}`;
  const userId = TENANT_USER_ID_PREFIX + deriveDigits(seed, label('user-id'), 17);
  const username = `dev_${deriveAlphanumeric(seed, label('username'), 10).toLowerCase()}`;
  const app: SandboxApp = {
    name: `Workspace App ${id}`,
    appId: deriveDigits(seed, label('app-id'), 8),
    permission: 'read-write',
    projectAttached: true,
    consumerKey: deriveAlphanumeric(seed, label('consumer-key'), 25),
    consumerSecret: deriveAlphanumeric(seed, label('consumer-secret'), 50),
    bearerToken: 'A'.repeat(21) + deriveAlphanumeric(seed, label('bearer-token'), 91),
    // NOTE: this client is not registered with the sandbox's OAuth 2.0 server, so OAuth 2.0 sign-in
    // goes through the seeded apps' clients and the scenarios do not apply to it.
    oauth2: {
      clientId: Buffer.from(`${deriveAlphanumeric(seed, label('oauth2-client-id'), 20)}:1:ci`).toString('base64url'),
      clientSecret: deriveBase64Url(seed, label('oauth2-client-secret'), 50),
      clientType: 'confidential',
      redirectUris: [DEFAULT_REDIRECT_URI],
    },
  };
  const token: SandboxToken = {
    appName: app.name,
    userId,
    username,
    accessToken: `${userId}-${deriveAlphanumeric(seed, label('access-token'), 40)}`,
    accessTokenSecret: deriveAlphanumeric(seed, label('access-token-secret'), 45),
  };

  return {
    id,
    app,
    token,
    user: { id: userId, username },
    baseline: { permission: app.permission, projectAttached: app.projectAttached },
    builtIn: false,
    scenario: null,
    clockOffsetMs: 0,
    target: null,
  };
}

/**
 * Returns the profile of a derived tenant's developer user. It is marked generated so that the
 * portal, which anyone on the machine can open, does not list every workspace's user.
 */
export function tenantUserProfile(user: SandboxUserRef): UserProfile {
  return {
    id: user.id,
    username: user.username,
    name: 'Workspace Developer',
    protected: false,
    suspended: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    description: 'The developer account of one workbench workspace.',
    location: undefined,
    url: '',
    profileImageUrl: DEFAULT_PROFILE_IMAGE_URL,
    verified: false,
    verifiedType: 'none',
    tweetCount: 0,
    listedCount: 0,
    likeCount: 0,
    generated: true,
  };
}
