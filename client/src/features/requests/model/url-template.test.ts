import { describe, expect, it } from 'vitest';

import { findBuiltinRequest, type RequestDefinition } from '../../../../../shared/collection.ts';
import { buildSendRequest } from './build-send-request.ts';
import { createDraft } from './editor-state.ts';
import { previewUrl, splitUrlTemplate } from './url-template.ts';

function definition(id: string): RequestDefinition {
  const found = findBuiltinRequest(id);
  if (found === undefined) {
    throw new Error(`no built-in request has the ID ${id}`);
  }
  return found;
}

describe('splitUrlTemplate', () => {
  it('marks the base URL and path variables', () => {
    expect(splitUrlTemplate('/2/users/:source_user_id/following/:target_user_id')).toEqual([
      { kind: 'variable', text: '{{base_url}}' },
      { kind: 'text', text: '/2/users/' },
      { kind: 'path-variable', text: ':source_user_id' },
      { kind: 'text', text: '/following/' },
      { kind: 'path-variable', text: ':target_user_id' },
    ]);
  });
});

describe('previewUrl', () => {
  it('fills an empty token-user ID from the token', () => {
    const follow = definition('following');

    expect(previewUrl('https://api.x.com/', follow, createDraft(follow), '1588987262754234368')).toBe(
      'https://api.x.com/2/users/1588987262754234368/following',
    );
  });

  it('keeps the placeholder without a token user', () => {
    const unfollow = definition('unfollow');

    expect(previewUrl('https://api.x.com', unfollow, createDraft(unfollow), null)).toBe(
      'https://api.x.com/2/users/:source_user_id/following/:target_user_id',
    );
  });

  it('adds ticked query rows and keeps {{variables}}', () => {
    const lookup = definition('me');
    const draft = createDraft(lookup);
    draft.query = draft.query.map((row) => (row.key === 'user.fields' ? { ...row, value: 'created_at,{{fields}}', enabled: true } : row));

    expect(previewUrl('https://api.x.com', lookup, draft, null)).toBe('https://api.x.com/2/users/me?user.fields=created_at%2C{{fields}}');
  });
});

describe('buildSendRequest', () => {
  it('sends empty path variables and only ticked query rows', () => {
    const follow = definition('following');
    const draft = createDraft(follow);
    draft.query = draft.query.map((row) => (row.key === 'max_results' ? { ...row, value: '5', enabled: true } : row));

    expect(buildSendRequest('env-1', follow, draft)).toEqual({
      environmentId: 'env-1',
      requestId: 'following',
      pathVariables: { id: '' },
      query: [{ key: 'max_results', value: '5', enabled: true }],
      body: null,
    });
  });

  it('sends the body text as typed', () => {
    const follow = definition('follow');
    const draft = { ...createDraft(follow), body: '{"target_user_id":"2244994945"}' };

    expect(buildSendRequest('env-1', follow, draft).body).toBe('{"target_user_id":"2244994945"}');
  });
});
