import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView, SendRequest, SendResult } from '../../../shared/api.ts';
import type { CollectionDetail, ImportResult } from '../../../shared/collections-api.ts';
import type { HistoryPage } from '../../../shared/history.ts';
import { listRequests } from '../../../shared/postman/model.ts';
import { buildTestCollection } from '../../../shared/testing/postman-builders.ts';
import { type Canary, startCanary } from '../../testing/canary.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const TWITTER_DEV = '2244994945';
const SANDBOX_USER = '1588987262754234368';
const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/postman');

let canary: Canary;
let workbench: TestWorkbench;
let client: ApiClient;
let sandbox: EnvironmentView;

beforeAll(async () => {
  canary = await startCanary();
  workbench = await startTestWorkbench({ WORKBENCH_ALLOWED_UPSTREAMS: canary.url });
  client = await workbench.newClient();
  sandbox = await client.environmentNamed('X Sandbox');
});

afterAll(async () => {
  await workbench.stop();
  await canary.close();
});

async function importCollection(collection: Record<string, unknown>): Promise<CollectionDetail> {
  const imported = await client.request<ImportResult>('POST', '/api/import', { kind: 'collection', fileName: 'c.json', content: JSON.stringify(collection) });
  expect(imported.status, imported.text).toBe(201);
  const id = (imported.json as Extract<ImportResult, { kind: 'collection' }>).collection.id;

  return (await client.request<CollectionDetail>('GET', `/api/collections/${id}`)).json;
}

function requestNamed(collection: CollectionDetail, name: string) {
  const located = listRequests(collection.model).find((candidate) => candidate.request.name === name);
  if (!located) {
    throw new Error(`No request named ${name}`);
  }
  return located.request;
}

/** Sends an item as the page does: with the collection's own body unless the test gives another. */
function sendItem(collection: CollectionDetail, name: string, input: Partial<SendRequest> = {}) {
  const request = requestNamed(collection, name);
  const body = request.body?.mode === 'raw' ? request.body.raw : null;

  return client.send<SendResult & ApiErrorBody>({ environmentId: sandbox.id, requestId: request.id, collectionId: collection.id, body, ...input });
}

function singleRequestCollection(request: Record<string, unknown>): Record<string, unknown> {
  return {
    info: { name: 'One request', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    auth: { type: 'oauth1', oauth1: [] },
    item: [{ name: 'Only', request }],
  };
}

describe('sending an imported request', () => {
  describe('the built test collection against X Sandbox', () => {
    let collection: CollectionDetail;
    beforeAll(async () => {
      collection = await importCollection(buildTestCollection());
    });

    it('follows with OAuth 1.0a and fills :id from the token', async () => {
      const { status, json } = await sendItem(collection, 'Follow a user ID', { body: `{"target_user_id": "${TWITTER_DEV}"}` });

      expect(status).toBe(200);
      expect(JSON.parse(json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/${SANDBOX_USER}/following`);
      expect(json.authType).toBe('oauth1');
    });

    it('inherits the collection bearer token as app-only', async () => {
      const { status, json } = await sendItem(collection, 'Users a user ID is following', {
        pathVariables: { id: TWITTER_DEV },
        query: [{ key: 'max_results', value: '5', enabled: true }],
      });

      expect(status).toBe(200);
      expect(json.response.status).toBe(200);
      expect(json.authType).toBe('app-only');
      expect(json.request.headers).toContainEqual(['Authorization', 'Bearer [redacted]']);
      expect(json.request.url).toBe(`${workbench.sandboxUrl}/2/users/${TWITTER_DEV}/following?max_results=5`);
    });

    it('sends {{base_url}} to the environment base URL', async () => {
      const { json } = await sendItem(collection, 'User by Username', { pathVariables: { username: 'TwitterDev' } });

      expect(JSON.parse(json.response.body).data.id).toBe(TWITTER_DEV);
    });

    it('rejects an empty :id that no script fills', async () => {
      const { status, json } = await sendItem(collection, 'Users a user ID is following', { pathVariables: { id: '' } });

      expect(status).toBe(400);
      expect(json.error.message).toBe('pathVariables.id is empty (enter a user ID of 1 to 19 digits)');
    });

    it('records the send in the history under its name', async () => {
      const { json } = await client.request<HistoryPage>('GET', '/api/history?endpoint=User%20by%20Username');

      expect(json.entries[0]).toMatchObject({ requestName: 'User by Username', endpoint: 'GET /2/users/by/username/:username', status: 200 });
    });
  });

  describe('hosts and headers', () => {
    it('refuses a host that is not allowed, without connecting', async () => {
      const collection = await importCollection(singleRequestCollection({ method: 'GET', url: 'https://example.com/2/users/me' }));

      const { status, json } = await sendItem(collection, 'Only');

      expect(status).toBe(400);
      expect(json.error.code).toBe('upstream_not_allowed');
      expect(json.error.message).toContain('Its host https://example.com is not an allowed upstream');
    });

    it('forwards custom X-* headers only, and never the collection Authorization', async () => {
      const collection = await importCollection(
        singleRequestCollection({
          method: 'GET',
          url: `${canary.url}/2/users/me`,
          header: [
            { key: 'X-Trace', value: 'abc' },
            { key: 'Cookie', value: 'session=1' },
            { key: 'X-HTTP-Method-Override', value: 'DELETE' },
            { key: 'Authorization', value: 'Bearer from-the-collection' },
          ],
        }),
      );

      const { status, json } = await sendItem(collection, 'Only');

      expect(status).toBe(200);
      const received = canary.requests.at(-1)!;
      expect(received.headers['x-trace']).toBe('abc');
      expect(received.headers.cookie).toBeUndefined();
      expect(received.headers['x-http-method-override']).toBeUndefined();
      expect(received.headers.authorization).toMatch(/^OAuth oauth_consumer_key=/);
      expect(json.notes).toContain('The header Cookie was not forwarded: the proxy forwards only custom X-* headers and builds the others itself.');
    });

    it('never resolves a secret into a header', async () => {
      const collection = await importCollection(singleRequestCollection({ method: 'GET', url: `${canary.url}/2/users/me`, header: [{ key: 'X-Key', value: '{{consumer_secret}}' }] }));
      const before = canary.requests.length;

      const { status, json } = await sendItem(collection, 'Only');

      expect(status).toBe(400);
      expect(json.error.message).toContain('the variable {{consumer_secret}} is secret');
      expect(canary.requests.length).toBe(before);
    });

    it('rejects headers on a built-in request', async () => {
      const { status, json } = await client.send<ApiErrorBody>({ environmentId: sandbox.id, requestId: 'me', headers: [{ key: 'X-A', value: '1', enabled: true }] });

      expect(status).toBe(400);
      expect(json.error.field).toBe('headers');
    });

    it('answers an unknown collection with 404', async () => {
      const { status, json } = await client.send<ApiErrorBody>({ environmentId: sandbox.id, requestId: '0', collectionId: 'missing' });

      expect(status).toBe(404);
      expect(json.error.message).toContain('No collection with ID "missing"');
    });
  });

  describe.skipIf(!fs.existsSync(FIXTURES))("X's official collections against X Sandbox", () => {
    it.each(['Twitter API v2.postman_collection.json', 'X API v2.postman_collection.json'])('%s runs Follows and User Lookup', async (fileName) => {
      const collection = await importCollection(JSON.parse(fs.readFileSync(path.join(FIXTURES, fileName), 'utf8')) as Record<string, unknown>);

      const follow = await sendItem(collection, 'Follow a user ID');
      const following = await sendItem(collection, 'Users a user ID is following', { pathVariables: { id: SANDBOX_USER } });
      const followers = await sendItem(collection, 'Followers of user ID', { pathVariables: { id: TWITTER_DEV } });
      const lookup = await sendItem(collection, 'User by Username', { pathVariables: { username: 'TwitterDev' } });
      const unfollow = await sendItem(collection, 'Unfollow a user ID', { pathVariables: { source_user_id: '', target_user_id: TWITTER_DEV } });

      for (const [label, sent] of Object.entries({ follow, following, followers, lookup, unfollow })) {
        expect(sent.status, `${label}: ${sent.text}`).toBe(200);
      }
      expect(JSON.parse(follow.json.response.body)).toEqual({ data: { following: true, pending_follow: false } });
      expect(JSON.parse(following.json.response.body).data.map((user: { id: string }) => user.id)).toContain(TWITTER_DEV);
      expect(followers.json.response.status).toBe(200);
      expect(JSON.parse(lookup.json.response.body).data.id).toBe(TWITTER_DEV);
      expect(JSON.parse(unfollow.json.response.body)).toEqual({ data: { following: false } });
    });
  });
});
