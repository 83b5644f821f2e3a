import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, EnvironmentView } from '../../../shared/api.ts';
import { MAX_IMPORT_BYTES, type CollectionDetail, type CollectionSummary, type ImportResult } from '../../../shared/collections-api.ts';
import { listRequests } from '../../../shared/postman/model.ts';
import { normalizeCollection } from '../../../shared/postman/normalize.ts';
import type { SandboxPortal } from '../../../shared/sandbox-portal.ts';
import { buildTestCollection, buildTestEnvironment } from '../../../shared/testing/postman-builders.ts';
import { type ApiClient, startTestWorkbench, type TestWorkbench } from '../../testing/test-workbench.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures/postman');
const haveFixtures = fs.existsSync(FIXTURES);

let workbench: TestWorkbench;
let client: ApiClient;

beforeAll(async () => {
  workbench = await startTestWorkbench();
  client = await workbench.newClient();
});

afterAll(async () => {
  await workbench.stop();
});

function importFile(kind: 'collection' | 'environment', fileName: string, content: string) {
  return client.request<ImportResult & ApiErrorBody>('POST', '/api/import', { kind, fileName, content });
}

async function workspaceState(): Promise<{ collections: string[]; environments: string[] }> {
  const collections = (await client.request<CollectionSummary[]>('GET', '/api/collections')).json.map((item) => item.id);
  const environments = (await client.environments()).map((item) => item.id);

  return { collections, environments };
}

describe('POST /api/import', () => {
  describe('a collection built by the tests', () => {
    it('imports it with folders and requests', async () => {
      const { status, json } = await importFile('collection', 'test.postman_collection.json', JSON.stringify(buildTestCollection()));

      expect(status).toBe(201);
      expect(json.kind).toBe('collection');
      const summary = (json as Extract<ImportResult, { kind: 'collection' }>).collection;
      expect(summary).toMatchObject({ name: 'Workbench test collection', fileName: 'test.postman_collection.json', requestCount: 3, warnings: [] });

      const detail = (await client.request<CollectionDetail>('GET', `/api/collections/${summary.id}`)).json;
      expect(detail.model).toEqual(normalizeCollection(buildTestCollection(), 'test.postman_collection.json').model);
    });

    it('lists it', async () => {
      const { json } = await client.request<CollectionSummary[]>('GET', '/api/collections');

      expect(json.map((item) => item.name)).toContain('Workbench test collection');
    });
  });

  describe.skipIf(!haveFixtures)(`X's official files (skipped when ${FIXTURES} is missing)`, () => {
    it.each(['Twitter API v2.postman_collection.json', 'X API v2.postman_collection.json'])('imports %s', async (fileName) => {
      const content = fs.readFileSync(path.join(FIXTURES, fileName), 'utf8');

      const { status, json } = await importFile('collection', fileName, content);

      expect(status).toBe(201);
      const summary = (json as Extract<ImportResult, { kind: 'collection' }>).collection;
      expect(summary.requestCount).toBeGreaterThan(50);
      const detail = (await client.request<CollectionDetail>('GET', `/api/collections/${summary.id}`)).json;
      expect(listRequests(detail.model).filter((located) => located.folders[0]?.name === 'Follows')).toHaveLength(4);
    });

    it('imports the environment with placeholders unset', async () => {
      const content = fs.readFileSync(path.join(FIXTURES, 'Twitter API v2.postman_environment.json'), 'utf8');

      const { status, json } = await importFile('environment', 'Twitter API v2.postman_environment.json', content);

      expect(status).toBe(201);
      const result = json as Extract<ImportResult, { kind: 'environment' }>;
      expect(result.placeholderKeys).toEqual(['consumer_key', 'consumer_secret', 'access_token', 'token_secret']);
      expect(result.environment.name).toBe('Twitter API v2');
      expect(result.environment.baseUrl).toBe('https://api.x.com');
      expect(result.environment.variables.map((variable) => [variable.key, variable.secret, variable.set])).toEqual([
        ['consumer_key', true, false],
        ['consumer_secret', true, false],
        ['access_token', true, false],
        ['token_secret', true, false],
        ['bearer_token', true, false],
      ]);
    });
  });

  describe('environments', () => {
    it('keeps real values and renames on a name clash', async () => {
      const file = JSON.stringify(buildTestEnvironment('Imported twice'));
      await importFile('environment', 'env.json', file);

      const { json } = await importFile('environment', 'env.json', file);

      const environment = (json as Extract<ImportResult, { kind: 'environment' }>).environment;
      expect(environment.name).toBe('Imported twice (2)');
      expect(environment.variables.find((variable) => variable.key === 'target_user_id')).toMatchObject({ value: '2244994945', secret: false });
    });

    it('uses an allowed base_url and warns about another one', async () => {
      const allowed = buildTestEnvironment('With sandbox URL');
      (allowed.values as unknown[]).push({ key: 'base_url', value: workbench.sandboxUrl });
      const other = buildTestEnvironment('With other URL');
      (other.values as unknown[]).push({ key: 'base_url', value: 'https://example.com' });

      const first = (await importFile('environment', 'a.json', JSON.stringify(allowed))).json as Extract<ImportResult, { kind: 'environment' }>;
      const second = (await importFile('environment', 'b.json', JSON.stringify(other))).json as Extract<ImportResult, { kind: 'environment' }>;

      expect(first.environment.baseUrl).toBe(workbench.sandboxUrl);
      expect(second.environment.baseUrl).toBe('https://api.x.com');
      expect(second.warnings[0]).toContain('"https://example.com" is not an allowed upstream');
    });
  });

  describe('malformed files change nothing', () => {
    const text = JSON.stringify(buildTestCollection());
    const withoutRequest = buildTestCollection();
    delete (withoutRequest.item as Array<{ item: Array<Record<string, unknown>> }>)[0]!.item[0]!.request;

    it.each([
      ['truncated JSON', 'collection', text.slice(0, 300), /^cut\.json is not valid JSON: /],
      ['a v1 collection', 'collection', JSON.stringify({ id: '1', name: 'Old', order: [], requests: [] }), /is a Postman collection v1 file/],
      ['an item without a request', 'collection', JSON.stringify(withoutRequest), /item\[0\]\.item\[0\]\.request: missing/],
      ['a collection as environment', 'environment', text, /is a Postman collection, not an environment/],
      ['not a Postman file', 'collection', '{"hello": "world"}', /is not a Postman collection: it needs "info" and "item"/],
    ] as const)('rejects %s with 400', async (_case, kind, content, message) => {
      const before = await workspaceState();

      const { status, json } = await importFile(kind, 'cut.json', content);

      expect(status).toBe(400);
      expect(json.error.code).toBe('invalid_request');
      expect(json.error.field).toBe('content');
      expect(json.error.message).toMatch(message);
      expect(await workspaceState()).toEqual(before);
    });

    it('rejects a 10 MB file with 413 naming the limit', async () => {
      const before = await workspaceState();
      const content = ' '.repeat(10 * 1024 * 1024);

      const { status, json } = await importFile('collection', 'huge.json', content);

      expect(status).toBe(413);
      expect(json.error.code).toBe('payload_too_large');
      expect(json.error.message).toBe(
        `The import is larger than the limit of 5 MB (${MAX_IMPORT_BYTES} bytes); import a smaller file, or split the collection in Postman`,
      );
      expect(await workspaceState()).toEqual(before);
    });

    it('rejects an unknown field in the request', async () => {
      const { status, json } = await client.request<ApiErrorBody>('POST', '/api/import', { kind: 'collection', fileName: 'a.json', content: text, extra: 1 });

      expect(status).toBe(400);
      expect(json.error.message).toContain('extra');
    });

    it('needs the CSRF token before reading the body', async () => {
      const { status } = await client.request('POST', '/api/import', { kind: 'collection', fileName: 'a.json', content: text }, { 'x-csrf-token': 'wrong' });

      expect(status).toBe(403);
    });
  });
});

describe('export', () => {
  it('round-trips a collection through export and import', async () => {
    const imported = (await importFile('collection', 'round.json', JSON.stringify(buildTestCollection('Round trip')))).json as Extract<ImportResult, { kind: 'collection' }>;
    const original = (await client.request<CollectionDetail>('GET', `/api/collections/${imported.collection.id}`)).json;

    const exported = await client.request('GET', `/api/collections/${imported.collection.id}/export`);
    const again = (await importFile('collection', 'again.json', exported.text)).json as Extract<ImportResult, { kind: 'collection' }>;
    const reimported = (await client.request<CollectionDetail>('GET', `/api/collections/${again.collection.id}`)).json;

    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="Round trip.postman_collection.json"; filename*=UTF-8\'\'Round%20trip.postman_collection.json',
    );
    expect(reimported.model).toEqual(original.model);
  });

  it('exports the sandbox environment without its secrets', async () => {
    const portal = (await (await fetch(`${workbench.sandboxUrl}/portal.json`)).json()) as SandboxPortal;
    const sandbox: EnvironmentView = await client.environmentNamed('X Sandbox');

    const { status, text, json } = await client.request<{ values: Array<{ key: string; value: string; type: string }> }>(
      'GET',
      `/api/environments/${sandbox.id}/export`,
    );

    expect(status).toBe(200);
    for (const secret of [portal.apps[0]!.consumerSecret, portal.apps[0]!.consumerKey, portal.tokens[0]!.accessToken, portal.tokens[0]!.accessTokenSecret]) {
      expect(text).not.toContain(secret);
    }
    expect(json.values.find((value) => value.key === 'consumer_secret')).toEqual({ key: 'consumer_secret', value: '', type: 'secret', enabled: true });
    expect(json.values[0]).toEqual({ key: 'base_url', value: workbench.sandboxUrl, type: 'default', enabled: true });
  });

  it('deletes a collection', async () => {
    const imported = (await importFile('collection', 'gone.json', JSON.stringify(buildTestCollection('Gone')))).json as Extract<ImportResult, { kind: 'collection' }>;

    expect((await client.request('DELETE', `/api/collections/${imported.collection.id}`)).status).toBe(204);
    const { status, json } = await client.request<ApiErrorBody>('GET', `/api/collections/${imported.collection.id}`);
    expect(status).toBe(404);
    expect(json.error.code).toBe('not_found');
  });
});
