import { describe, expect, it } from 'vitest';

import { findBuiltinRequest } from '../../../../../shared/collection.ts';
import { buildSendRequest } from './build-send-request.ts';
import { createEditorState, editorReducer, selectDraft, type EditorAction, type EditorState } from './editor-state.ts';

function run(actions: EditorAction[], state: EditorState = createEditorState('follow')): EditorState {
  return actions.reduce(editorReducer, state);
}

describe('editorReducer', () => {
  it('starts from the collection definition', () => {
    const draft = selectDraft(createEditorState('following'));

    expect(draft.pathVariables).toEqual({ id: '' });
    expect(draft.query.map((row) => row.key)).toEqual(['max_results', 'pagination_token', 'user.fields', 'expansions', 'tweet.fields']);
    expect(draft.query.every((row) => !row.enabled)).toBe(true);
    expect(draft.body).toBeNull();
  });

  it('prefills the follow body from the template', () => {
    expect(selectDraft(createEditorState('follow')).body).toBe('{\n  "target_user_id": ""\n}');
  });

  it('keeps edits when switching requests', () => {
    const state = run([
      { type: 'set-path-variable', key: 'id', value: '12' },
      { type: 'select-request', requestId: 'me' },
      { type: 'select-tab', tab: 'authorization' },
      { type: 'select-request', requestId: 'follow' },
    ]);

    expect(selectDraft(state).pathVariables.id).toBe('12');
    expect(selectDraft(state, 'me').tab).toBe('authorization');
    expect(selectDraft(state).tab).toBe('params');
  });

  it('rejects an unknown request ID', () => {
    expect(() => run([{ type: 'select-request', requestId: 'nope' }])).toThrow(/Unknown request ID "nope"/);
  });

  it('ticks a query row when a value is typed', () => {
    const state = run([{ type: 'update-query-row', rowId: 'defined-max_results', changes: { value: '10' } }], createEditorState('following'));
    const row = selectDraft(state).query.find((entry) => entry.key === 'max_results');

    expect(row?.enabled).toBe(true);
    expect(row?.value).toBe('10');
  });

  it('leaves a row unticked when the user unticks it', () => {
    const state = run(
      [
        { type: 'update-query-row', rowId: 'defined-max_results', changes: { value: '10' } },
        { type: 'update-query-row', rowId: 'defined-max_results', changes: { enabled: false } },
      ],
      createEditorState('following'),
    );

    expect(selectDraft(state).query[0]?.enabled).toBe(false);
  });

  it('keeps the key of a defined row', () => {
    const state = run([{ type: 'update-query-row', rowId: 'defined-max_results', changes: { key: 'other' } }], createEditorState('following'));

    expect(selectDraft(state).query[0]?.key).toBe('max_results');
  });

  it('adds, edits and removes a custom row', () => {
    const added = run([{ type: 'add-query-row' }, { type: 'update-query-row', rowId: 'added-1', changes: { key: 'k', value: 'v' } }], createEditorState('me'));
    const custom = selectDraft(added).query.at(-1);

    expect(custom).toMatchObject({ rowId: 'added-1', key: 'k', value: 'v', enabled: true, custom: true });

    const removed = run([{ type: 'remove-query-row', rowId: 'added-1' }], added);
    expect(selectDraft(removed).query.some((row) => row.rowId === 'added-1')).toBe(false);
  });

  it('does not remove a defined row', () => {
    const state = run([{ type: 'remove-query-row', rowId: 'defined-max_results' }], createEditorState('following'));

    expect(selectDraft(state).query[0]?.key).toBe('max_results');
  });

  it('writes target_user_id into the body', () => {
    const state = run([{ type: 'set-body-target', value: '2244994945' }]);

    expect(selectDraft(state).body).toBe('{\n  "target_user_id": "2244994945"\n}');
  });

  it('leaves an invalid body alone when target_user_id is set', () => {
    const state = run([
      { type: 'set-body', body: '{"target_user_id": ' },
      { type: 'set-body-target', value: '1' },
    ]);

    expect(selectDraft(state).body).toBe('{"target_user_id": ');
  });

  it('ignores a body for a request without one', () => {
    const state = run([{ type: 'set-body', body: '{}' }], createEditorState('me'));

    expect(selectDraft(state).body).toBeNull();
  });

  it('inherits the environment auth type by default', () => {
    const draft = selectDraft(createEditorState('follow'));

    expect(draft.authType).toBe('inherit');
    expect(buildSendRequest('env-1', findBuiltinRequest('follow')!, draft)).not.toHaveProperty('authType');
  });

  it('sends an auth type chosen for one request', () => {
    const state = run([
      { type: 'set-auth-type', authType: 'app-only' },
      { type: 'select-request', requestId: 'me' },
    ]);

    expect(buildSendRequest('env-1', findBuiltinRequest('follow')!, selectDraft(state, 'follow')).authType).toBe('app-only');
    expect(selectDraft(state, 'me').authType).toBe('inherit');
  });
});
