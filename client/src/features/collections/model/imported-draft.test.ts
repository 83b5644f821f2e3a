import { describe, expect, it } from 'vitest';
import { normalizeCollection } from '../../../../../shared/postman/normalize.ts';
import { listRequests } from '../../../../../shared/postman/model.ts';
import { buildTestCollection } from '../../../../../shared/testing/postman-builders.ts';
import { buildImportedSend, createImportedDraft, importedPreviewUrl, matchBuiltinRequestId } from './imported-draft.ts';

const model = normalizeCollection(buildTestCollection(), 'test.json').model;
const [follow, following, byUsername] = listRequests(model).map((located) => located.request);

describe('imported drafts', () => {
  it('start from the collection values', () => {
    const draft = createImportedDraft(following!);

    expect(draft.pathVariables).toEqual({ id: '2244994945' });
    expect(draft.query.map((row) => [row.key, row.enabled])).toEqual([
      ['max_results', true],
      ['user.fields', false],
    ]);
  });

  it('build the send with collection, enabled query rows and headers', () => {
    const draft = createImportedDraft(follow!);

    expect(buildImportedSend('env', 'c1', follow!, draft)).toEqual({
      environmentId: 'env',
      collectionId: 'c1',
      requestId: '0.0',
      pathVariables: { id: '' },
      query: [],
      headers: [{ key: 'Content-Type', value: 'application/json', enabled: true }],
      body: '{\n  "target_user_id": "2244994945"\n}',
    });
  });

  it('preview the URL on the environment base URL with the token user', () => {
    const draft = createImportedDraft(follow!);

    expect(importedPreviewUrl('http://127.0.0.1:4001', follow!, draft, '1588987262754234368')).toBe(
      'http://127.0.0.1:4001/2/users/1588987262754234368/following',
    );
    expect(importedPreviewUrl('https://api.x.com/', byUsername!, createImportedDraft(byUsername!), null)).toBe(
      'https://api.x.com/2/users/by/username/:username',
    );
  });

  it('match the built-in request for result meanings', () => {
    expect(matchBuiltinRequestId(follow!)).toBe('follow');
    expect(matchBuiltinRequestId(byUsername!)).toBe('user-by-username');
  });
});
