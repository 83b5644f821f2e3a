import { describe, expect, it } from 'vitest';
import { buildTestCollection, buildV20Collection } from '../testing/postman-builders.ts';
import { exportCollection } from './export.ts';
import { effectiveAuth, findRequest, listRequests, type CollectionModel } from './model.ts';
import { normalizeCollection, parseCollectionText, PostmanImportError } from './normalize.ts';

function importError(action: () => unknown): PostmanImportError {
  try {
    action();
  } catch (error) {
    if (error instanceof PostmanImportError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a PostmanImportError');
}

function requestNamed(model: CollectionModel, name: string) {
  const located = listRequests(model).find((candidate) => candidate.request.name === name);
  if (!located) {
    throw new Error(`No request named ${name}`);
  }
  return located;
}

describe('normalizeCollection', () => {
  const { model, warnings } = normalizeCollection(buildTestCollection(), 'test.json');

  describe('a v2.1 collection built by the tests', () => {
    it('keeps folders and request names in order', () => {
      expect(model.items.map((item) => [item.kind, item.name])).toEqual([
        ['folder', 'Follows'],
        ['folder', 'Users'],
      ]);
      expect(listRequests(model).map((located) => located.request.name)).toEqual([
        'Follow a user ID',
        'Users a user ID is following',
        'User by Username',
      ]);
    });

    it('keeps method, URL, path variable description, headers and JSON body', () => {
      const { request } = requestNamed(model, 'Follow a user ID');

      expect(request.method).toBe('POST');
      expect(request.url.raw).toBe('https://api.x.com/2/users/:id/following');
      expect(request.url.pathVariables).toEqual([{ key: 'id', value: '', description: 'The authenticated user ID.' }]);
      expect(request.headers).toEqual([{ key: 'Content-Type', value: 'application/json', description: '', enabled: true }]);
      expect(request.body).toEqual({ mode: 'raw', raw: '{\n  "target_user_id": "2244994945"\n}', language: 'json' });
      expect(request.description).toBe('Follows a user.');
    });

    it('keeps disabled query rows disabled', () => {
      const { request } = requestNamed(model, 'Users a user ID is following');

      expect(request.url.query).toEqual([
        { key: 'max_results', value: '5', description: '', enabled: true },
        { key: 'user.fields', value: 'created_at', description: 'Extra user fields.', enabled: false },
      ]);
    });

    it('keeps {{variables}} as written', () => {
      const { request } = requestNamed(model, 'User by Username');

      expect(request.url.raw).toBe('{{base_url}}/2/users/by/username/:username');
      expect(request.url.pathVariables).toEqual([{ key: 'username', value: '', description: '' }]);
      expect(request.auth).toEqual({ type: 'bearer', params: [{ key: 'token', value: '{{bearer_token}}' }] });
    });

    it('notes the token-prefix script as built in', () => {
      const { request } = requestNamed(model, 'Follow a user ID');

      expect(request.scriptNote).toBe(
        "This request has a pre-request script that fills :id from the access token's numeric prefix. The workbench does this itself: leave id empty.",
      );
      expect(request.scripts[0]!.listen).toBe('prerequest');
    });

    it('reports no warnings for a clean file', () => {
      expect(warnings).toEqual([]);
    });
  });

  describe('auth inheritance', () => {
    it('uses the request auth first', () => {
      const located = requestNamed(model, 'Follow a user ID');

      expect(effectiveAuth(model, located)).toEqual({ auth: located.request.auth, inheritedFrom: null });
      expect(located.request.auth!.type).toBe('oauth1');
    });

    it('inherits from the collection through a folder without auth', () => {
      const located = requestNamed(model, 'Users a user ID is following');

      expect(effectiveAuth(model, located)).toEqual({
        auth: { type: 'bearer', params: [{ key: 'token', value: '{{bearer_token}}' }] },
        inheritedFrom: 'Workbench test collection',
      });
    });

    it('stops at a folder with noauth', () => {
      const collection = buildTestCollection();
      const users = (collection.item as Array<{ item: Array<{ request: Record<string, unknown> }> }>)[1]!;
      delete users.item[0]!.request.auth;
      const imported = normalizeCollection(collection, 'test.json').model;

      expect(effectiveAuth(imported, requestNamed(imported, 'User by Username'))).toEqual({
        auth: { type: 'noauth', params: [] },
        inheritedFrom: 'Users',
      });
    });
  });

  describe('a v2.0 collection', () => {
    const old = normalizeCollection(buildV20Collection(), 'old.json').model;

    it('reads map-shaped auth fields', () => {
      expect(findRequest(old, '0')!.request.auth).toEqual({
        type: 'oauth1',
        params: [
          { key: 'consumerKey', value: '{{consumer_key}}' },
          { key: 'token', value: '{{access_token}}' },
          { key: 'signatureMethod', value: 'HMAC-SHA1' },
        ],
      });
    });

    it('reads a header string and an upper-cases the method', () => {
      const request = findRequest(old, '0')!.request;

      expect(request.method).toBe('GET');
      expect(request.headers.map((header) => [header.key, header.value])).toEqual([
        ['Accept', 'application/json'],
        ['X-Trace', 'on'],
      ]);
      expect(request.url.pathVariables).toEqual([{ key: 'id', value: '783214', description: '' }]);
    });

    it('reads a request given as a URL string, query included', () => {
      const request = findRequest(old, '1')!.request;

      expect(request.method).toBe('GET');
      expect(request.url.raw).toBe('https://api.x.com/2/users/me?user.fields=created_at');
      expect(request.url.query).toEqual([{ key: 'user.fields', value: 'created_at', description: '', enabled: true }]);
    });
  });

  describe('credentials', () => {
    it('replaces a literal credential by its variable and warns', () => {
      const collection = buildTestCollection();
      collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: 'AAAAAAAAAAAAAAAAAAAAAliteralbearer' }] };

      const result = normalizeCollection(collection, 'test.json');

      expect(result.model.auth).toEqual({ type: 'bearer', params: [{ key: 'token', value: '{{bearer_token}}' }] });
      expect(result.warnings).toEqual([
        'auth: the bearer field token held a literal value, which was not imported; it now refers to {{bearer_token}} (keep credentials in an environment\'s secret variables)',
      ]);
      expect(JSON.stringify(result.model)).not.toContain('literalbearer');
    });

    it('drops every field of an unsupported auth type', () => {
      const collection = buildTestCollection();
      collection.auth = { type: 'basic', basic: [{ key: 'password', value: 'hunter2' }] };

      const result = normalizeCollection(collection, 'test.json');

      expect(result.model.auth).toEqual({ type: 'basic', params: [] });
      expect(JSON.stringify(result.model)).not.toContain('hunter2');
      expect(result.warnings[0]).toContain('the basic authorization is not supported');
    });

    it('empties a secret collection variable', () => {
      const collection = buildTestCollection();
      collection.variable = [{ key: 'consumer_secret', value: 'real-secret-value' }];

      const result = normalizeCollection(collection, 'test.json');

      expect(result.model.variables).toEqual([{ key: 'consumer_secret', value: '', description: '', enabled: true }]);
    });
  });

  describe('malformed input', () => {
    it('rejects truncated JSON', () => {
      const text = JSON.stringify(buildTestCollection());

      const error = importError(() => parseCollectionText(text.slice(0, text.length / 2), 'cut.json'));

      expect(error.message).toMatch(/^cut\.json is not valid JSON: .+ \(export the file again from Postman; it may be truncated\)$/);
      expect(error.path).toBe('');
    });

    it('rejects a v1 collection', () => {
      const error = importError(() => normalizeCollection({ id: 'a', name: 'Old', order: [], requests: [] }, 'v1.json'));

      expect(error.message).toBe(
        'v1.json is a Postman collection v1 file, which is not supported (open it in Postman and export it as Collection v2.1)',
      );
    });

    it('rejects an unknown schema version', () => {
      const collection = buildTestCollection();
      (collection.info as Record<string, unknown>).schema = 'https://schema.getpostman.com/json/collection/v3.0.0/collection.json';

      const error = importError(() => normalizeCollection(collection, 'v3.json'));

      expect(error.path).toBe('info.schema');
      expect(error.message).toContain('unsupported schema version');
      expect(error.message).toContain('v3.0.0');
    });

    it('names the path of an item without a request', () => {
      const collection = buildTestCollection();
      const follows = (collection.item as Array<{ item: Array<Record<string, unknown>> }>)[0]!;
      delete follows.item[1]!.request;

      const error = importError(() => normalizeCollection(collection, 'bad.json'));

      expect(error.path).toBe('item[0].item[1].request');
      expect(error.message).toBe(
        'bad.json is not a valid Postman collection: item[0].item[1].request: missing (every item needs a request, or an item list for a folder)',
      );
    });

    it('names the path of a wrongly typed field', () => {
      const collection = buildTestCollection();
      const follows = (collection.item as Array<{ item: Array<{ request: Record<string, unknown> }> }>)[0]!;
      follows.item[0]!.request.method = 42;

      const error = importError(() => normalizeCollection(collection, 'bad.json'));

      expect(error.path).toBe('item[0].item[0].request.method');
      expect(error.message).toContain('must be a string; got number 42');
    });

    it('rejects an environment file', () => {
      const error = importError(() => normalizeCollection({ name: 'Env', values: [] }, 'env.json'));

      expect(error.message).toBe('env.json is a Postman environment, not a collection (import it as an environment)');
    });

    it('rejects a JSON array', () => {
      const error = importError(() => normalizeCollection([], 'list.json'));

      expect(error.message).toBe('list.json is not a Postman collection: the file must contain a JSON object');
    });
  });
});

describe('exportCollection', () => {
  it('round-trips the built collection unchanged', () => {
    const { model } = normalizeCollection(buildTestCollection(), 'test.json');

    const again = normalizeCollection(JSON.parse(JSON.stringify(exportCollection(model))), 'exported.json');

    expect(again.model).toEqual(model);
    expect(again.warnings).toEqual([]);
  });

  it('round-trips a v2.0 collection as v2.1', () => {
    const { model } = normalizeCollection(buildV20Collection(), 'old.json');

    const exported = exportCollection(model);

    expect((exported.info as { schema: string }).schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(normalizeCollection(exported, 'exported.json').model).toEqual(model);
  });

  it('writes auth fields as v2.1 lists that reference variables', () => {
    const { model } = normalizeCollection(buildTestCollection(), 'test.json');

    const exported = exportCollection(model);

    expect(exported.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{bearer_token}}', type: 'string' }] });
  });

  it('writes the URL parts Postman reads besides raw', () => {
    const { model } = normalizeCollection(buildTestCollection(), 'test.json');
    const follow = requestNamed(model, 'Follow a user ID').request;
    const exported = exportCollection({ ...model, items: [follow] });

    const url = ((exported.item as Array<{ request: { url: Record<string, unknown> } }>)[0]!.request.url);

    expect(url).toMatchObject({ protocol: 'https', host: ['api', 'x', 'com'], path: ['2', 'users', ':id', 'following'] });
  });
});

describe('body modes', () => {
  function withBody(body: Record<string, unknown>) {
    const collection = buildTestCollection();
    const follows = (collection.item as Array<{ item: Array<{ request: Record<string, unknown> }> }>)[0]!;
    follows.item[1]!.request.body = body;
    const result = normalizeCollection(collection, 'test.json');
    return { request: listRequests(result.model)[1]!.request, warnings: result.warnings };
  }

  it('reads an empty form body as no body', () => {
    const { request, warnings } = withBody({ mode: 'formdata', formdata: [] });

    expect(request.body).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('keeps a form body with fields as unsupported, with a warning', () => {
    const { request, warnings } = withBody({ mode: 'formdata', formdata: [{ key: 'media', type: 'file', src: [] }] });

    expect(request.body).toEqual({ mode: 'unsupported', postmanMode: 'formdata' });
    expect(warnings).toEqual([
      'item[0].item[1].request.body (Users a user ID is following): the formdata body was not imported; the workbench sends only raw JSON bodies',
    ]);
  });
});
