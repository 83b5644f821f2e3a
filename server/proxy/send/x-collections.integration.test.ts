/**
 * Checks the promise of the X Sandbox environment. After an import of X's own Postman collections,
 * every request in their Follows and User Lookup folders runs against the sandbox through the proxy.
 * Each is sent as the page sends it, with the auth that Postman's inheritance gives it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendRequest, SendResult } from '../../../shared/api.ts';
import type { AuthType } from '../../../shared/auth-types.ts';
import type { CollectionDetail, ImportResult } from '../../../shared/collections-api.ts';
import { explainResponse } from '../../../shared/explain/explain-response.ts';
import { listRequests, type CollectionRequest } from '../../../shared/postman/model.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/postman');
/** Each file with the number of requests in its Follows and User Lookup folders. */
const COLLECTION_FILES: readonly [string, number][] = [
  ['Twitter API v2.postman_collection.json', 8],
  ['X API v2.postman_collection.json', 9],
];
const FOLDERS = ['User Lookup', 'Follows'];

const TWITTER_DEV = '2244994945';
/** The sandbox user that owns X Sandbox's access token. The ID is above 2^53. */
const SANDBOX_USER = '1588987262754234368';

interface Expectation {
  /** Path variables to fill. An empty value is left for the token script, as the page does. */
  pathVariables?: Record<string, string>;
  /** Query rows to fill and enable. The collection's other rows keep their enabled state. */
  query?: Record<string, string>;
  authType: AuthType;
  /** What the sandbox returns: users whose first `id` is given, exact `data`, or the 404 of /2/me. */
  result: { firstUserId: string } | { data: unknown } | 'not-found';
}

/** What each request of the two folders is sent with and returns. A request missing here fails the test. */
const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'User by ID': { pathVariables: { id: TWITTER_DEV }, authType: 'app-only', result: { firstUserId: TWITTER_DEV } },
  'Users by ID': { query: { ids: `${TWITTER_DEV},${SANDBOX_USER}` }, authType: 'app-only', result: { firstUserId: TWITTER_DEV } },
  'User by Username': { pathVariables: { username: 'TwitterDev' }, authType: 'app-only', result: { firstUserId: TWITTER_DEV } },
  'Users by Username': { query: { usernames: 'TwitterDev,workbench_dev' }, authType: 'app-only', result: { firstUserId: TWITTER_DEV } },
  'Authenticated User Lookup': { authType: 'app-only', result: 'not-found' },
  // ken_tests, with a 10-digit ID, is TwitterDev's newest seeded follower.
  'Followers of user ID': { pathVariables: { id: TWITTER_DEV }, query: { max_results: '5' }, authType: 'app-only', result: { firstUserId: '9876543210' } },
  // grace_codes is the newest seeded follow of the sandbox user.
  'Users a user ID is following': { pathVariables: { id: SANDBOX_USER }, authType: 'app-only', result: { firstUserId: '1203948576102938475' } },
  'Follow a user ID': { pathVariables: { id: '' }, authType: 'oauth1', result: { data: { following: true, pending_follow: false } } },
  'Unfollow a user ID': { pathVariables: { source_user_id: '', target_user_id: TWITTER_DEV }, authType: 'oauth1', result: { data: { following: false } } },
};

let workbench: TestWorkbench;
let client: ApiClient;
let sandbox: EnvironmentView;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
  sandbox = await client.environmentNamed('X Sandbox');
});

afterAll(async () => {
  await workbench.stop();
});

async function importCollection(fileName: string): Promise<CollectionDetail> {
  const content = fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');
  const imported = await client.request<ImportResult>('POST', '/api/import', { kind: 'collection', fileName, content });
  expect(imported.status, imported.text).toBe(201);
  const id = (imported.json as Extract<ImportResult, { kind: 'collection' }>).collection.id;

  return (await client.request<CollectionDetail>('GET', `/api/collections/${id}`)).json;
}

/** Builds the send body as the page does: the request's own rows and body, with the test's values filled in. */
function sendInput(collection: CollectionDetail, request: CollectionRequest, expectation: Expectation): SendRequest {
  const filled = expectation.query ?? {};
  const query = request.url.query
    .map((row) => (Object.hasOwn(filled, row.key) ? { ...row, value: filled[row.key]!, enabled: true } : row))
    .filter((row) => row.enabled && row.key !== '')
    .map((row) => ({ key: row.key, value: row.value, enabled: true }));
  const defaults = Object.fromEntries(request.url.pathVariables.map((variable) => [variable.key, variable.value]));

  return {
    environmentId: sandbox.id,
    collectionId: collection.id,
    requestId: request.id,
    pathVariables: { ...defaults, ...expectation.pathVariables },
    query,
    headers: request.headers.map((row) => ({ key: row.key, value: row.value, enabled: row.enabled })),
    body: request.body?.mode === 'raw' && request.body.raw.trim() !== '' ? request.body.raw : null,
  };
}

function readFirstUserId(body: { data?: unknown }): string | undefined {
  const first: unknown = Array.isArray(body.data) ? body.data[0] : body.data;

  return (first as { id?: string } | undefined)?.id;
}

describe.skipIf(!fs.existsSync(FIXTURES))(`X's collections against X Sandbox (skipped when ${FIXTURES} is missing)`, () => {
  it.each(COLLECTION_FILES)('%s runs every Follows and User Lookup request', async (fileName, requestCount) => {
    const collection = await importCollection(fileName);
    const located = listRequests(collection.model).filter((candidate) => FOLDERS.includes(candidate.folders[0]?.name ?? ''));
    expect(located).toHaveLength(requestCount);

    for (const { request } of located) {
      const expectation = EXPECTATIONS[request.name];
      expect(expectation, `no expectation for "${request.name}"`).toBeDefined();

      const sent = await client.send<SendResult & ApiErrorBody>(sendInput(collection, request, expectation!));
      const label = `${request.name}: ${sent.text}`;
      expect(sent.status, label).toBe(200);
      expect(sent.json.authType, label).toBe(expectation!.authType);

      const body = JSON.parse(sent.json.response.body) as { data?: unknown; errors?: unknown; detail?: string };
      if (expectation!.result === 'not-found') {
        expect(sent.json.request.url, label).toBe(`${workbench.sandboxUrl}/2/me`);
        expect(sent.json.response.status, label).toBe(404);
        expect(body.detail, label).toBe(
          'GET /2/me is not an X API v2 endpoint. X documents the authenticated user lookup as GET /2/users/me, so change the path to /2/users/me.',
        );
        continue;
      }
      expect(sent.json.response.status, label).toBe(200);
      expect(body.errors, label).toBeUndefined();
      if ('data' in expectation!.result) {
        expect(body.data, label).toEqual(expectation!.result.data);
      } else {
        expect(readFirstUserId(body), label).toBe(expectation!.result.firstUserId);
      }
    }
  });

  it('explains the 404 of /2/me with the documented path', async () => {
    const collection = await importCollection('X API v2.postman_collection.json');
    const request = listRequests(collection.model).find((candidate) => candidate.request.name === 'Authenticated User Lookup')!.request;

    const sent = await client.send<SendResult>(sendInput(collection, request, EXPECTATIONS['Authenticated User Lookup']!));
    const explanation = explainResponse(sent.json, {
      requestId: request.id,
      authType: sent.json.authType ?? 'app-only',
      environmentKind: 'sandbox',
      unsetCredentials: [],
      authenticatedUserId: SANDBOX_USER,
      receivedAtMs: Date.now(),
    });

    expect(explanation.title).toBe('/2/me is not an X API v2 endpoint');
    expect(explanation.steps[0]).toBe('Change the path to /2/users/me and send again.');
  });
});
