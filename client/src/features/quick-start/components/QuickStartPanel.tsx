import { useEffect, useRef } from 'react';

import type { EnvironmentView, SendRequest, SendResult } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { PageActions } from '../../../app/page-actions.ts';
import { readBodyTarget } from '../../requests/model/body-target.ts';
import { selectDraft, type EditorState } from '../../requests/model/editor-state.ts';
import { computeQuickStartSteps, type QuickStartStep, type QuickStartStepId } from '../model/quick-start-steps.ts';
import './quick-start.css';

const STEP_LINKS: Record<QuickStartStepId, string> = {
  'pick-request': 'Open Follow a user ID',
  authenticate: 'Open the Authorization tab',
  'who-follows-whom': 'Open the Body tab',
  'send-follow': 'Show the Send button',
  unfollow: 'Open Unfollow a user ID',
};

interface QuickStartPanelProps {
  editor: EditorState;
  environment: EnvironmentView | null;
  exchanges: Record<string, { sent: SendRequest; result: SendResult | null }>;
  /** Opens the control that a step is about. */
  page: PageActions;
  onClose: () => void;
}

/** Walks a newcomer through X's manage-follows quick start; each step shows whether the page has done it. Loaded on first use. */
export default function QuickStartPanel({ editor, environment, exchanges, page, onClose }: QuickStartPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const steps = readSteps(editor, environment, exchanges);
  const doneCount = steps.filter((step) => step.done).length;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <aside className="quick-start" aria-labelledby="quick-start-heading">
      <div className="quick-start__header">
        <h2 id="quick-start-heading" ref={headingRef} tabIndex={-1}>
          Quick start: follow and unfollow a user
        </h2>
        <span role="status" aria-label="Quick start progress" className="muted">
          {doneCount} of {steps.length} done
        </span>
        <button type="button" className="button button--small" onClick={onClose}>
          Close quick start
        </button>
      </div>
      <ol className="quick-start__steps">
        {steps.map((step) => (
          <li key={step.id} className={step.done ? 'quick-start__step quick-start__step--done' : 'quick-start__step'} aria-label={step.title}>
            <span className="quick-start__status">
              <span aria-hidden="true">{step.done ? '✓' : '○'}</span>
              <span className="visually-hidden">{step.done ? 'Done' : 'To do'}</span>
            </span>
            <div>
              <strong>{step.title}</strong>
              <p className="quick-start__detail">{step.detail}</p>
            </div>
            <button type="button" className="link-button" onClick={() => goToStep(step.id, page)}>
              {STEP_LINKS[step.id]}
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}

/** Selects the request and tab that a step is about. */
function goToStep(step: QuickStartStepId, page: PageActions): void {
  page.selectRequest(step === 'unfollow' ? 'unfollow' : 'follow');
  if (step === 'authenticate') {
    page.dispatch({ type: 'select-tab', tab: 'authorization' });
  }
  if (step === 'who-follows-whom') {
    page.dispatch({ type: 'select-tab', tab: 'body' });
  }
  if (step === 'unfollow') {
    page.dispatch({ type: 'select-tab', tab: 'params' });
  }
  if (step === 'send-follow') {
    window.setTimeout(() => document.querySelector<HTMLButtonElement>('.send-button')?.focus(), 0);
  }
}

function readSteps(editor: EditorState, environment: EnvironmentView | null, exchanges: QuickStartPanelProps['exchanges']): QuickStartStep[] {
  const followDraft = selectDraft(editor, 'follow');
  const target = followDraft.body === null ? null : readBodyTarget(followDraft.body);
  const followAuthType: AuthType = followDraft.authType === 'inherit' ? (environment?.authType ?? 'oauth1') : followDraft.authType;

  return computeQuickStartSteps({
    selectedRequestId: editor.selectedRequestId,
    environment,
    followAuthType,
    followTarget: target?.state === 'string' ? target.value : null,
    followResult: exchanges.follow?.result ?? null,
    unfollowResult: exchanges.unfollow?.result ?? null,
  });
}
