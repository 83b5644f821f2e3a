import { findBuiltinRequest } from '../../../shared/collection.ts';
import type { EditorState } from '../features/requests/model/editor-state.ts';

/**
 * Keeps the request editor's drafts and the chosen environment across the round trip to X's
 * authorize page, which replaces this page. Stored in sessionStorage, so only this tab can read it,
 * and read once. Drafts hold no secrets: credentials live on the server.
 */

const STORAGE_KEY = 'workbench.page-state';

export interface PageState {
  editor: EditorState;
  environmentId: string | null;
}

export function savePageState(state: PageState): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage can be full or switched off; the page then starts fresh after the sign-in.
  }
}

/** Returns the saved state once and deletes it, or null when there is none or it does not fit this version. */
export function takePageState(): PageState | null {
  let text: string | null;
  try {
    text = sessionStorage.getItem(STORAGE_KEY);
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) {
    return null;
  }

  try {
    const value = JSON.parse(text) as Partial<PageState> | null;
    const editor = value?.editor;
    if (editor === undefined || typeof editor.selectedRequestId !== 'string' || findBuiltinRequest(editor.selectedRequestId) === undefined) {
      return null;
    }
    if (typeof editor.drafts !== 'object' || editor.drafts === null || typeof editor.addedRowCount !== 'number') {
      return null;
    }
    return { editor, environmentId: typeof value?.environmentId === 'string' ? value.environmentId : null };
  } catch {
    return null;
  }
}
