import type { AuthType } from '../../../../../shared/auth-types.ts';
import { builtinRequests, findBuiltinRequest, type RequestDefinition } from '../../../../../shared/collection.ts';
import { writeBodyTarget } from './body-target.ts';

/**
 * The request editor's state: one draft per built-in request, kept in memory so that switching
 * between requests keeps each one's edits. Nothing here is persisted.
 */

export interface QueryRow {
  rowId: string;
  key: string;
  value: string;
  enabled: boolean;
  /** Description from the collection; empty for rows the user added. */
  description: string;
  /** True for rows the user added; only those can be removed or have their key edited. */
  custom: boolean;
}

export type EditorTab = 'params' | 'body' | 'authorization';

/** A request's auth type: "inherit" takes the environment's, as Postman's "Inherit auth from parent" does. */
export type DraftAuthType = AuthType | 'inherit';

export interface RequestDraft {
  pathVariables: Record<string, string>;
  query: QueryRow[];
  /** Raw JSON text, or null for requests without a body. */
  body: string | null;
  tab: EditorTab;
  authType: DraftAuthType;
}

export interface EditorState {
  selectedRequestId: string;
  drafts: Record<string, RequestDraft>;
  /** Counter for the IDs of added query rows. */
  addedRowCount: number;
}

export type EditorAction =
  | { type: 'select-request'; requestId: string }
  | { type: 'select-tab'; tab: EditorTab }
  | { type: 'set-path-variable'; key: string; value: string }
  | { type: 'update-query-row'; rowId: string; changes: Partial<Pick<QueryRow, 'key' | 'value' | 'enabled'>> }
  | { type: 'add-query-row' }
  | { type: 'remove-query-row'; rowId: string }
  | { type: 'set-body'; body: string }
  | { type: 'set-body-target'; value: string }
  | { type: 'set-auth-type'; authType: DraftAuthType };

export function createEditorState(selectedRequestId = builtinRequests[0]!.id): EditorState {
  return { selectedRequestId, drafts: {}, addedRowCount: 0 };
}

/** Builds a request's draft as the collection defines it: empty path variables, query rows off. */
export function createDraft(definition: RequestDefinition): RequestDraft {
  return {
    pathVariables: Object.fromEntries(definition.pathVariables.map((variable) => [variable.key, ''])),
    query: definition.query.map((parameter) => ({
      rowId: `defined-${parameter.key}`,
      key: parameter.key,
      value: '',
      enabled: false,
      description: parameter.description,
      custom: false,
    })),
    body: definition.bodyTemplate,
    tab: 'params',
    authType: 'inherit',
  };
}

/** Returns the selected request's draft, or its initial draft when it was never edited. */
export function selectDraft(state: EditorState, requestId = state.selectedRequestId): RequestDraft {
  const existing = state.drafts[requestId];
  if (existing !== undefined) {
    return existing;
  }

  return createDraft(requireDefinition(requestId));
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (action.type === 'select-request') {
    requireDefinition(action.requestId);
    return { ...state, selectedRequestId: action.requestId };
  }
  if (action.type === 'add-query-row') {
    const addedRowCount = state.addedRowCount + 1;
    const row: QueryRow = { rowId: `added-${addedRowCount}`, key: '', value: '', enabled: true, description: '', custom: true };
    return updateDraft({ ...state, addedRowCount }, (draft) => ({ ...draft, query: [...draft.query, row] }));
  }

  return updateDraft(state, (draft) => applyToDraft(draft, action));
}

function applyToDraft(draft: RequestDraft, action: EditorAction): RequestDraft {
  switch (action.type) {
    case 'select-tab':
      return { ...draft, tab: action.tab };
    case 'set-path-variable':
      return { ...draft, pathVariables: { ...draft.pathVariables, [action.key]: action.value } };
    case 'update-query-row':
      return { ...draft, query: draft.query.map((row) => (row.rowId === action.rowId ? updateRow(row, action.changes) : row)) };
    case 'remove-query-row':
      return { ...draft, query: draft.query.filter((row) => row.rowId !== action.rowId || !row.custom) };
    case 'set-auth-type':
      return { ...draft, authType: action.authType };
    case 'set-body':
      return draft.body === null ? draft : { ...draft, body: action.body };
    case 'set-body-target': {
      const body = draft.body === null ? null : writeBodyTarget(draft.body, action.value);
      return body === null ? draft : { ...draft, body };
    }
    default:
      return draft;
  }
}

/** Typing into a disabled row turns it on, as in Postman; unticking stays the user's choice. */
function updateRow(row: QueryRow, changes: Partial<Pick<QueryRow, 'key' | 'value' | 'enabled'>>): QueryRow {
  const next: QueryRow = { ...row, ...changes, key: row.custom ? (changes.key ?? row.key) : row.key };
  const typed = (changes.value !== undefined && changes.value !== '') || (changes.key !== undefined && changes.key !== '');
  if (changes.enabled === undefined && typed) {
    next.enabled = true;
  }

  return next;
}

function updateDraft(state: EditorState, update: (draft: RequestDraft) => RequestDraft): EditorState {
  const draft = selectDraft(state);

  return { ...state, drafts: { ...state.drafts, [state.selectedRequestId]: update(draft) } };
}

function requireDefinition(requestId: string): RequestDefinition {
  const definition = findBuiltinRequest(requestId);
  if (definition === undefined) {
    throw new Error(`Unknown request ID ${JSON.stringify(requestId)}; use one of the IDs in shared/collection.ts`);
  }

  return definition;
}
