/**
 * The sandbox's seeded state: four apps, a handful of users with follow edges, and access tokens.
 * Keys and tokens derive from the seed secret; users and edges are the same for every seed.
 */
import type { SandboxApp, SandboxToken } from '../../shared/sandbox-portal.ts';

import { deriveAlphanumeric, deriveBase64Url, deriveDigits } from './derive.ts';
import { DEFAULT_PROFILE_IMAGE_URL, type FollowGraph, type UserProfile } from './graph.ts';
import { DEFAULT_REDIRECT_URI } from './oauth2/clients.ts';

/** IDs of the seeded users. Several exceed 2^53 on purpose, so they only survive as strings. */
export const SEEDED_USER_IDS = {
  workbenchDev: '1588987262754234368',
  twitterDev: '2244994945',
  protectedPat: '1470046488429174785',
  suspendedSam: '1364275610764201984',
  adaBuilds: '1092837465019283746',
  graceCodes: '1203948576102938475',
  linusShips: '1319283746501928374',
  margaretApis: '1425364758691827364',
  kenTests: '9876543210',
  popularPia: '1647586970213049586',
} as const;

/** Number of generated followers of popular_pia: enough for three pages at max_results=100. */
export const POPULAR_FOLLOWER_COUNT = 250;

/**
 * Every app has an OAuth 2.0 client. The first three are confidential clients, as X's "Web App,
 * Automated App or Bot" type is; the last is a public client ("Native App" on X), which has no secret.
 */
const APP_DEFINITIONS = [
  { name: 'Workbench Sandbox App', permission: 'read-write', projectAttached: true, clientType: 'confidential' },
  { name: 'Read-only Sandbox App', permission: 'read', projectAttached: true, clientType: 'confidential' },
  { name: 'Unattached Sandbox App', permission: 'read-write', projectAttached: false, clientType: 'confidential' },
  { name: 'Public PKCE Client', permission: 'read-write', projectAttached: true, clientType: 'public' },
] as const;

/** Users who get an access token for every app; the first one's token for the first app comes first. */
const TOKEN_OWNERS = [
  { id: SEEDED_USER_IDS.workbenchDev, username: 'workbench_dev' },
  { id: SEEDED_USER_IDS.adaBuilds, username: 'ada_builds' },
] as const;

export interface SeedCredentials {
  apps: SandboxApp[];
  tokens: SandboxToken[];
}

/** Derives the apps' keys and the users' access tokens from the seed. */
export function createSeedCredentials(seed: string): SeedCredentials {
  const apps: SandboxApp[] = APP_DEFINITIONS.map((definition, index) => ({
    name: definition.name,
    appId: deriveDigits(seed, `app-id:${index}`, 8),
    permission: definition.permission,
    projectAttached: definition.projectAttached,
    consumerKey: deriveAlphanumeric(seed, `consumer-key:${index}`, 25),
    consumerSecret: deriveAlphanumeric(seed, `consumer-secret:${index}`, 50),
    bearerToken: 'A'.repeat(21) + deriveAlphanumeric(seed, `bearer-token:${index}`, 91),
    oauth2: {
      clientId: deriveClientId(seed, index),
      clientSecret: definition.clientType === 'public' ? null : deriveBase64Url(seed, `oauth2-client-secret:${index}`, 50),
      clientType: definition.clientType,
      redirectUris: [DEFAULT_REDIRECT_URI],
    },
  }));

  const tokens: SandboxToken[] = [];
  apps.forEach((app, appIndex) => {
    for (const owner of TOKEN_OWNERS) {
      tokens.push({
        appName: app.name,
        userId: owner.id,
        username: owner.username,
        accessToken: `${owner.id}-${deriveAlphanumeric(seed, `access-token:${appIndex}:${owner.id}`, 40)}`,
        accessTokenSecret: deriveAlphanumeric(seed, `access-token-secret:${appIndex}:${owner.id}`, 45),
      });
    }
  });

  return { apps, tokens };
}

/**
 * Returns a 34-character client ID shaped like X's, which are the unpadded base64 of
 * `<20 random characters>:1:ci`. The sandbox uses the URL-safe alphabet, so IDs need no escaping.
 */
function deriveClientId(seed: string, appIndex: number): string {
  return Buffer.from(`${deriveAlphanumeric(seed, `oauth2-client-id:${appIndex}`, 20)}:1:ci`).toString('base64url');
}

type ProfileInput = Pick<UserProfile, 'id' | 'username' | 'name' | 'createdAt' | 'description'> & Partial<UserProfile>;

function profile(input: ProfileInput): UserProfile {
  return {
    protected: false,
    suspended: false,
    location: undefined,
    url: '',
    profileImageUrl: DEFAULT_PROFILE_IMAGE_URL,
    verified: false,
    verifiedType: 'none',
    tweetCount: 120,
    listedCount: 3,
    likeCount: 480,
    generated: false,
    ...input,
  };
}

const SEEDED_PROFILES: readonly UserProfile[] = [
  profile({
    id: SEEDED_USER_IDS.workbenchDev,
    username: 'workbench_dev',
    name: 'Workbench Developer',
    createdAt: '2022-11-05T18:32:10.000Z',
    description: 'The sandbox developer account. Its ID is above 2^53, so it only stays exact as a string.',
    location: 'localhost',
    url: 'https://example.com/workbench',
  }),
  profile({
    id: SEEDED_USER_IDS.twitterDev,
    username: 'TwitterDev',
    name: 'Developers',
    createdAt: '2013-12-14T04:35:55.000Z',
    description: 'The voice of the X Dev team and your official source for updates, news, and events, related to the X API.',
    location: '127.0.0.1',
    url: 'https://t.co/3ZX3TNiZCY',
    verified: true,
    verifiedType: 'business',
    tweetCount: 3961,
    listedCount: 2,
    likeCount: 2150,
  }),
  profile({
    id: SEEDED_USER_IDS.protectedPat,
    username: 'protected_pat',
    name: 'Pat Protected',
    createdAt: '2021-12-12T14:05:41.000Z',
    description: 'Protected account: a follow becomes a pending request until Pat accepts it.',
    protected: true,
  }),
  profile({
    id: SEEDED_USER_IDS.suspendedSam,
    username: 'suspended_sam',
    name: 'Sam Suspended',
    createdAt: '2021-02-23T17:59:01.000Z',
    description: 'Suspended account: lookups and follows return errors.',
    suspended: true,
  }),
  profile({
    id: SEEDED_USER_IDS.adaBuilds,
    username: 'ada_builds',
    name: 'Ada Builder',
    createdAt: '2019-02-05T09:12:00.000Z',
    description: 'Builds things on the X API.',
    location: 'London',
  }),
  profile({
    id: SEEDED_USER_IDS.graceCodes,
    username: 'grace_codes',
    name: 'Grace Coder',
    createdAt: '2019-12-09T11:45:30.000Z',
    description: 'Compilers, bugs and the occasional moth.',
  }),
  profile({
    id: SEEDED_USER_IDS.linusShips,
    username: 'linus_ships',
    name: 'Linus Shipper',
    createdAt: '2020-10-01T07:00:00.000Z',
    description: 'Ships on Fridays.',
  }),
  profile({
    id: SEEDED_USER_IDS.margaretApis,
    username: 'margaret_apis',
    name: 'Margaret API',
    createdAt: '2021-08-16T20:20:20.000Z',
    description: 'Reads every API changelog.',
  }),
  profile({
    id: SEEDED_USER_IDS.kenTests,
    username: 'ken_tests',
    name: 'Ken Tester',
    createdAt: '2012-10-20T12:00:00.000Z',
    description: 'An older account with a 10-digit ID.',
  }),
  profile({
    id: SEEDED_USER_IDS.popularPia,
    username: 'popular_pia',
    name: 'Pia Popular',
    createdAt: '2023-05-24T08:30:00.000Z',
    description: `Has ${POPULAR_FOLLOWER_COUNT} generated followers, to try paging with max_results.`,
  }),
];

/** Follow edges as [follower, followed], oldest first, so the last one lists first. */
const SEEDED_FOLLOWS: readonly (readonly [string, string])[] = [
  [SEEDED_USER_IDS.adaBuilds, SEEDED_USER_IDS.twitterDev],
  [SEEDED_USER_IDS.graceCodes, SEEDED_USER_IDS.twitterDev],
  [SEEDED_USER_IDS.linusShips, SEEDED_USER_IDS.twitterDev],
  [SEEDED_USER_IDS.margaretApis, SEEDED_USER_IDS.twitterDev],
  [SEEDED_USER_IDS.kenTests, SEEDED_USER_IDS.twitterDev],
  [SEEDED_USER_IDS.workbenchDev, SEEDED_USER_IDS.adaBuilds],
  [SEEDED_USER_IDS.workbenchDev, SEEDED_USER_IDS.graceCodes],
  [SEEDED_USER_IDS.adaBuilds, SEEDED_USER_IDS.graceCodes],
  [SEEDED_USER_IDS.graceCodes, SEEDED_USER_IDS.adaBuilds],
  [SEEDED_USER_IDS.linusShips, SEEDED_USER_IDS.workbenchDev],
  [SEEDED_USER_IDS.margaretApis, SEEDED_USER_IDS.workbenchDev],
  [SEEDED_USER_IDS.adaBuilds, SEEDED_USER_IDS.popularPia],
];

/** Fills an empty graph with the seeded users, their follows and popular_pia's generated followers. */
export function seedGraph(graph: FollowGraph): void {
  for (const user of SEEDED_PROFILES) {
    graph.addUser({ ...user });
  }
  for (const [sourceId, targetId] of SEEDED_FOLLOWS) {
    graph.follow(sourceId, targetId);
  }
  graph.addGeneratedFollowers(SEEDED_USER_IDS.popularPia, POPULAR_FOLLOWER_COUNT);
  // Ken follows Pat, who is protected, so the follow starts as a request that Pat accepted.
  graph.follow(SEEDED_USER_IDS.kenTests, SEEDED_USER_IDS.protectedPat);
  graph.acceptFollowRequest(SEEDED_USER_IDS.protectedPat, SEEDED_USER_IDS.kenTests);
}
