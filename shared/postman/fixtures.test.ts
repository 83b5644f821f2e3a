import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnvironmentText } from './environment.ts';
import { exportCollection } from './export.ts';
import { effectiveAuth, listRequests, type CollectionModel } from './model.ts';
import type { ImportedEnvironment } from './environment.ts';
import { normalizeCollection, parseCollectionText } from './normalize.ts';

/**
 * X's official Postman files, read from the fixtures folder beside the repository (FIXTURES) when that
 * folder exists. They are not part of the repository, so these cases are skipped without it.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/postman');
const haveFixtures = fs.existsSync(FIXTURES);
const SKIP_REASON = `X's Postman files are not at ${FIXTURES}`;

function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function requestIn(model: CollectionModel, folder: string, name: string) {
  const located = listRequests(model).find(
    (candidate) => candidate.request.name === name && candidate.folders.some((item) => item.name === folder),
  );
  if (!located) {
    throw new Error(`No request ${folder} / ${name}`);
  }
  return located;
}

const collections = [
  { file: 'Twitter API v2.postman_collection.json', origin: 'https://api.twitter.com', credentialValue: '{{consumer_key}}' },
  { file: 'X API v2.postman_collection.json', origin: 'https://api.x.com', credentialValue: '' },
];

describe.skipIf(!haveFixtures)(`X's official Postman files (${haveFixtures ? 'present' : SKIP_REASON})`, () => {
  describe.each(collections)('$file', ({ file, origin, credentialValue }) => {
    // Read in beforeAll: vitest runs describe bodies even when the block is skipped.
    let model: CollectionModel;
    beforeAll(() => {
      model = parseCollectionText(readFixture(file), file).model;
    });

    it('keeps the Follows folder with its four requests', () => {
      const follows = model.items.find((item) => item.name === 'Follows');

      expect(follows?.kind).toBe('folder');
      expect(follows?.kind === 'folder' && follows.items.map((item) => item.name)).toEqual([
        'Followers of user ID',
        'Users a user ID is following',
        'Follow a user ID',
        'Unfollow a user ID',
      ]);
    });

    it('keeps Follow a user ID as X wrote it', () => {
      const located = requestIn(model, 'Follows', 'Follow a user ID');
      const { request } = located;

      expect(request.method).toBe('POST');
      expect(request.url.raw).toBe(`${origin}/2/users/:id/following`);
      expect(request.url.pathVariables[0]!.key).toBe('id');
      expect(request.url.pathVariables[0]!.description).toContain('The ID must belong to the authenticating user.');
      expect(request.body).toEqual({ mode: 'raw', raw: '{\n    "target_user_id": "2244994945"\n}', language: 'json' });
      expect(request.auth?.type).toBe('oauth1');
      expect(request.auth?.params).toContainEqual({ key: 'consumerKey', value: credentialValue });
      expect(request.scriptNote).toContain('fills :id from the access token');
    });

    it('notes the unfollow script for source_user_id', () => {
      const { request } = requestIn(model, 'Follows', 'Unfollow a user ID');

      expect(request.url.pathVariables.map((variable) => variable.key)).toEqual(['source_user_id', 'target_user_id']);
      expect(request.scriptNote).toContain('leave source_user_id empty');
    });

    it('keeps the disabled query rows of the list requests disabled', () => {
      const { request } = requestIn(model, 'Follows', 'Followers of user ID');

      expect(request.url.query.map((row) => [row.key, row.enabled])).toEqual([
        ['user.fields', false],
        ['expansions', false],
        ['tweet.fields', false],
        ['max_results', false],
        ['pagination_token', false],
      ]);
    });

    it('inherits the collection bearer auth for User by Username', () => {
      const located = requestIn(model, 'User Lookup', 'User by Username');

      expect(effectiveAuth(model, located)).toEqual({ auth: model.auth, inheritedFrom: model.name });
      expect(model.auth?.type).toBe('bearer');
    });

    it('adds no note for empty scripts', () => {
      const folder = model.items.find((item) => item.name === 'Follows');

      expect(folder?.scriptNote).toBeNull();
      expect(model.scriptNote).toContain('pre-request script, which the workbench does not run');
    });

    it('round-trips every request unchanged', () => {
      const exported = JSON.parse(JSON.stringify(exportCollection(model))) as unknown;

      expect(normalizeCollection(exported, 'exported.json').model).toEqual(model);
    });
  });

  describe('Twitter API v2.postman_environment.json', () => {
    let environment: ImportedEnvironment;
    beforeAll(() => {
      environment = parseEnvironmentText(readFixture('Twitter API v2.postman_environment.json'), 'environment.json');
    });

    it('imports the placeholders as unset secrets', () => {
      expect(environment.name).toBe('Twitter API v2');
      expect(environment.placeholderKeys).toEqual(['consumer_key', 'consumer_secret', 'access_token', 'token_secret']);
      expect(environment.variables).toEqual([
        { key: 'consumer_key', value: '', secret: true, enabled: true },
        { key: 'consumer_secret', value: '', secret: true, enabled: true },
        { key: 'access_token', value: '', secret: true, enabled: true },
        { key: 'token_secret', value: '', secret: true, enabled: true },
        { key: 'bearer_token', value: '', secret: true, enabled: true },
      ]);
      expect(environment.baseUrl).toBeNull();
    });
  });
});
