import { describe, expect, it } from 'vitest';

import { findBuiltinRequest, type RequestDefinition } from '../../../../../shared/collection.ts';
import { createDraft, type RequestDraft } from './editor-state.ts';
import { validateDraft, type DraftContext } from './validate-draft.ts';

const sandbox: DraftContext = { hasEnvironment: true, tokenUserId: '1588987262754234368' };

function definition(id: string): RequestDefinition {
  const found = findBuiltinRequest(id);
  if (found === undefined) {
    throw new Error(`no built-in request has the ID ${id}`);
  }
  return found;
}

function issuesFor(id: string, change: Partial<RequestDraft>, context: DraftContext = sandbox) {
  const draft = { ...createDraft(definition(id)), ...change };
  return validateDraft(definition(id), draft, context);
}

const followBody = (target: string) => `{"target_user_id": ${target}}`;

describe('validateDraft', () => {
  it('accepts an empty token-user ID when the token has a user', () => {
    expect(issuesFor('following', {})).toEqual([]);
  });

  it('rejects an empty token-user ID when the token has no user', () => {
    const [issue] = issuesFor('following', {}, { hasEnvironment: true, tokenUserId: null });

    expect(issue?.field).toBe('pathVariables.id');
    expect(issue?.message).toMatch(/^id is empty, and the environment's access_token has no user ID/);
  });

  it('asks to authorize when nobody is signed in with OAuth 2.0', () => {
    const [issue] = issuesFor('following', {}, { hasEnvironment: true, tokenUserId: null, authType: 'oauth2' });

    expect(issue?.field).toBe('pathVariables.id');
    expect(issue?.message).toBe(
      'id is empty, and nobody is signed in with OAuth 2.0 to fill it in (enter a user ID, or press Authorize in the Authorization tab)',
    );
  });

  it('asks for an ID under an app-only bearer token', () => {
    const [issue] = issuesFor('following', {}, { hasEnvironment: true, tokenUserId: null, authType: 'app-only' });

    expect(issue?.message).toBe('id is empty, and an app-only bearer token acts as no user (enter a user ID)');
  });

  it('requires an environment', () => {
    const [issue] = issuesFor('me', {}, { hasEnvironment: false, tokenUserId: null });

    expect(issue?.field).toBe('environment');
  });

  it('rejects a trailing space in a path ID', () => {
    const [issue] = issuesFor('following', { pathVariables: { id: '3456 ' } });

    expect(issue).toEqual({ field: 'pathVariables.id', message: 'id must be 1 to 19 digits; got "3456 " (remove the trailing whitespace)' });
  });

  it('allows a {{variable}} in a path ID', () => {
    expect(issuesFor('following', { pathVariables: { id: '{{my_id}}' } })).toEqual([]);
  });

  it('requires the unfollow target', () => {
    const [issue] = issuesFor('unfollow', {});

    expect(issue?.field).toBe('pathVariables.target_user_id');
    expect(issue?.message).toMatch(/^target_user_id is empty/);
  });

  it('rejects a username with "@"', () => {
    const [issue] = issuesFor('user-by-username', { pathVariables: { username: '@XDevelopers' } });

    expect(issue?.message).toBe('username must not start with "@"; got "@XDevelopers" (use XDevelopers)');
  });

  it('requires a key for a query value', () => {
    const draft = createDraft(definition('me'));
    const query = [...draft.query, { rowId: 'added-1', key: '', value: 'x', enabled: true, description: '', custom: true }];
    const [issue] = issuesFor('me', { query });

    expect(issue?.field).toBe('query.added-1');
  });

  it('rejects a ticked empty query value', () => {
    const query = createDraft(definition('me')).query.map((row) => ({ ...row, enabled: row.key === 'user.fields' }));
    const [issue] = issuesFor('me', { query });

    expect(issue?.message).toBe('user.fields is ticked but empty (enter a value or untick it)');
  });

  it.each(['0', '1001', '10.5', 'ten'])('rejects max_results %s', (value) => {
    const query = createDraft(definition('following')).query.map((row) =>
      row.key === 'max_results' ? { ...row, value, enabled: true } : row,
    );
    const [issue] = issuesFor('following', { query });

    expect(issue?.message).toMatch(/^max_results must be a whole number from 1 to 1000/);
  });

  it('accepts max_results 1000', () => {
    const query = createDraft(definition('following')).query.map((row) =>
      row.key === 'max_results' ? { ...row, value: '1000', enabled: true } : row,
    );

    expect(issuesFor('following', { query })).toEqual([]);
  });
});

describe('validateDraft for the follow body', () => {
  it('accepts a string target', () => {
    expect(issuesFor('follow', { body: followBody('"2244994945"') })).toEqual([]);
  });

  it('reports invalid JSON', () => {
    const [issue] = issuesFor('follow', { body: '{"target_user_id": "1",}' });

    expect(issue?.field).toBe('body');
    expect(issue?.message).toMatch(/^The body is not valid JSON: /);
  });

  it('rejects a number target with all its digits', () => {
    const [issue] = issuesFor('follow', { body: followBody('1588987262754234368') });

    expect(issue?.field).toBe('body.target_user_id');
    expect(issue?.message).toContain('got the number 1588987262754234368');
  });

  it('rejects a decimal target', () => {
    const [issue] = issuesFor('follow', { body: followBody('1.5') });

    expect(issue?.message).toBe('target_user_id must be a string of 1 to 19 digits; got the number 1.5 (put the ID in quotes)');
  });

  it('rejects an empty target', () => {
    const [issue] = issuesFor('follow', {});

    expect(issue?.message).toBe('target_user_id is empty (enter a user ID of 1 to 19 digits)');
  });

  it('rejects a missing target', () => {
    const [issue] = issuesFor('follow', { body: '{}' });

    expect(issue?.message).toMatch(/^The body has no target_user_id/);
  });

  it('rejects an extra property', () => {
    const [issue] = issuesFor('follow', { body: '{"target_user_id":"1","x":1}' });

    expect(issue?.message).toMatch(/^The body property "x" is not allowed/);
  });

  it('rejects an array body', () => {
    const [issue] = issuesFor('follow', { body: '["1"]' });

    expect(issue?.message).toMatch(/^The body must be a JSON object/);
  });

  it('allows a quoted {{variable}} target', () => {
    expect(issuesFor('follow', { body: followBody('"{{target}}"') })).toEqual([]);
  });

  it('allows an unquoted {{variable}} target', () => {
    expect(issuesFor('follow', { body: followBody('{{target}}') })).toEqual([]);
  });
});
