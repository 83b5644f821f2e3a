import type { Dispatch } from 'react';

import type { EditorAction } from '../features/requests/model/editor-state.ts';

/**
 * Page operations for the onboarding panels: edit the request, select a built-in request, and open
 * the environment editor or the sandbox scenarios. A type only, so that the code that uses it stays
 * in the panels' lazily loaded chunks.
 */
export interface PageActions {
  dispatch: Dispatch<EditorAction>;
  /** Shows a built-in request in the editor, leaving any imported request or history entry. */
  selectRequest: (requestId: string) => void;
  openEnvironment: () => void;
  openScenarios: () => void;
}
