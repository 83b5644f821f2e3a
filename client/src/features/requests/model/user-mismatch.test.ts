import { describe, expect, it } from 'vitest';

import { findBuiltinRequest } from '../../../../../shared/collection.ts';
import { createDraft } from './editor-state.ts';
import { describeUserMismatch, findUserMismatch } from './user-mismatch.ts';

const ME = '1588987262754234368';
const OTHER = '2244994945';

function draftFor(requestId: string, pathVariables: Record<string, string>) {
  const definition = findBuiltinRequest(requestId)!;
  const draft = createDraft(definition);

  return { definition, draft: { ...draft, pathVariables: { ...draft.pathVariables, ...pathVariables } } };
}

describe('findUserMismatch', () => {
  it('finds another user in the follow path', () => {
    const { definition, draft } = draftFor('follow', { id: OTHER });

    expect(findUserMismatch(definition, draft, ME)).toEqual({ key: 'id', pathUserId: OTHER, authenticatedUserId: ME });
  });

  it('finds another user as source_user_id of an unfollow', () => {
    const { definition, draft } = draftFor('unfollow', { source_user_id: OTHER, target_user_id: ME });

    expect(findUserMismatch(definition, draft, ME)?.key).toBe('source_user_id');
  });

  it('accepts the authenticated user', () => {
    const { definition, draft } = draftFor('follow', { id: ME });

    expect(findUserMismatch(definition, draft, ME)).toBeNull();
  });

  it('skips an empty ID, which the server fills', () => {
    const { definition, draft } = draftFor('follow', {});

    expect(findUserMismatch(definition, draft, ME)).toBeNull();
  });

  it('skips a variable reference', () => {
    const { definition, draft } = draftFor('follow', { id: '{{my_id}}' });

    expect(findUserMismatch(definition, draft, ME)).toBeNull();
  });

  it('skips requests that change nothing', () => {
    const { definition, draft } = draftFor('following', { id: OTHER });

    expect(findUserMismatch(definition, draft, ME)).toBeNull();
  });

  it('skips an unknown authenticated user', () => {
    const { definition, draft } = draftFor('follow', { id: OTHER });

    expect(findUserMismatch(definition, draft, null)).toBeNull();
  });
});

describe('describeUserMismatch', () => {
  it('names both IDs', () => {
    const text = describeUserMismatch({ key: 'id', pathUserId: OTHER, authenticatedUserId: ME });

    expect(text).toBe(
      `id is ${OTHER}, but the authenticated user is ${ME}. X lets a user follow and unfollow only as themselves, so it will answer 400 Invalid Request.`,
    );
  });
});
