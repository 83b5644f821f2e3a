import { lazy, Suspense, useEffect, useState, type Dispatch, type ReactNode } from 'react';

import type { EnvironmentView, SendRequest, SendResult } from '../../../shared/api.ts';
import type { AuthType } from '../../../shared/auth-types.ts';
import { hasSeenQuickStart, markQuickStartSeen } from '../features/quick-start/model/first-visit.ts';
import { selectDraft, type EditorAction, type EditorState } from '../features/requests/model/editor-state.ts';
import type { ExplainOptions } from '../features/response/components/ResponseViewer.tsx';
import type { PageActions } from './page-actions.ts';

// These load on first use and stay out of the first page's JavaScript, which has a budget of 100 KB gzipped.
const QuickStartPanel = lazy(() => import('../features/quick-start/components/QuickStartPanel.tsx'));
const SandboxScenariosPanel = lazy(() => import('../features/sandbox/components/SandboxScenariosPanel.tsx'));
const RateLimitMeter = lazy(() => import('../features/rate-limit/components/RateLimitMeter.tsx'));

interface LearningToolsInput {
  editor: EditorState;
  dispatch: Dispatch<EditorAction>;
  environment: EnvironmentView | null;
  exchanges: Record<string, { sent: SendRequest; result: SendResult | null }>;
  selectRequest: (requestId: string) => void;
  openEnvironment: () => void;
}

export interface LearningTools {
  /** The quick start and sandbox scenarios panels, for the top of the main column. */
  panels: ReactNode;
  /** The rate-limit meter of the selected request, for beside Send. */
  besideSend: ReactNode;
  openQuickStart: () => void;
  /** Opens the sandbox scenarios; undefined unless the selected environment is the sandbox. */
  openScenarios: (() => void) | undefined;
  /** Inputs of the response viewer's explanations; null until an environment is selected. */
  explain: ExplainOptions | null;
}

/**
 * Wires the onboarding tools into the page: the quick start (opened on the first visit), the sandbox
 * scenarios, the rate-limit meter and the actions that explanations offer.
 */
export function useLearningTools(input: LearningToolsInput): LearningTools {
  const { editor, environment } = input;
  const [quickStartOpen, setQuickStartOpen] = useState(() => !hasSeenQuickStart());
  const [scenariosOpen, setScenariosOpen] = useState(false);
  const isSandbox = environment?.kind === 'sandbox';

  useEffect(() => {
    if (quickStartOpen) {
      markQuickStartSeen();
    }
  }, [quickStartOpen]);

  const draftAuthType = selectDraft(editor).authType;
  const authType: AuthType = draftAuthType === 'inherit' ? (environment?.authType ?? 'oauth1') : draftAuthType;
  const page: PageActions = {
    dispatch: input.dispatch,
    selectRequest: input.selectRequest,
    openEnvironment: input.openEnvironment,
    openScenarios: () => setScenariosOpen(true),
  };

  const panels = (
    <Suspense fallback={<p role="status">Loading…</p>}>
      {quickStartOpen ? (
        <QuickStartPanel editor={editor} environment={environment} exchanges={input.exchanges} page={page} onClose={() => setQuickStartOpen(false)} />
      ) : null}
      {scenariosOpen && isSandbox ? <SandboxScenariosPanel page={page} sends={input.exchanges} onClose={() => setScenariosOpen(false)} /> : null}
    </Suspense>
  );
  const besideSend = (
    <Suspense fallback={null}>
      <RateLimitMeter
        context={environment === null ? null : { requestId: editor.selectedRequestId, environmentId: environment.id, authType }}
        exchanges={input.exchanges}
      />
    </Suspense>
  );

  return {
    panels,
    besideSend,
    openQuickStart: () => setQuickStartOpen(true),
    openScenarios: isSandbox ? page.openScenarios : undefined,
    explain: environment === null ? null : { environment, authType, page },
  };
}
