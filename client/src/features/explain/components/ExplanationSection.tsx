import { useMemo } from 'react';

import type { ApiErrorBody, EnvironmentView, SendResult } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import { buildExplainContext } from '../../../../../shared/explain/context.ts';
import { explainApiError } from '../../../../../shared/explain/explain-api-error.ts';
import { explainResponse } from '../../../../../shared/explain/explain-response.ts';
import { formatSeconds } from '../../../../../shared/explain/format-time.ts';
import { describeOutcome } from '../../../../../shared/outcome.ts';
import type { ExplainAction, ExplainCheck, Explanation, RateLimitReset } from '../../../../../shared/explain/types.ts';
import type { PageActions } from '../../../app/page-actions.ts';
import { useNow } from '../../../lib/use-now.ts';
import { runExplainAction } from '../model/run-action.ts';
import './explain.css';

export type ExplainSource = { kind: 'result'; result: SendResult } | { kind: 'error'; detail: ApiErrorBody['error'] };

export interface ExplanationSectionProps {
  source: ExplainSource;
  requestId: string;
  environment: EnvironmentView;
  /** The auth type the request was sent with. */
  authType: AuthType;
  /** Runs the offered actions: Use my ID, switch auth type, open the environment or the sandbox scenarios. */
  page: PageActions;
}

/** Explains a result under the response: what happened, why, what was checked, and the next steps. Loaded on first use. */
export default function ExplanationSection({ source, requestId, environment, authType, page }: ExplanationSectionProps) {
  // The source object is rebuilt on every render, so the memos depend on the result or error inside it.
  const sourceValue = source.kind === 'result' ? source.result : source.detail;
  // The first render of a result is when its response arrived, which the 429 countdown counts from.
  const receivedAtMs = useMemo(() => Date.now(), [sourceValue]);
  const explanation = useMemo(() => {
    const context = buildExplainContext({ requestId, authType, environment, receivedAtMs });
    return source.kind === 'result' ? explainResponse(source.result, context) : explainApiError(source.detail, context);
  }, [sourceValue, requestId, authType, environment, receivedAtMs]);

  return (
    <section className={`explanation explanation--${explanation.tone}`} aria-label="Explanation">
      <h3 className="explanation__title">{explanation.title}</h3>
      <p className="explanation__cause">{explanation.cause}</p>
      {explanation.rateLimitReset === null ? null : <ResetCountdown reset={explanation.rateLimitReset} />}
      <ReceivedProblem received={explanation.received} fromX={source.kind === 'result'} />
      <CheckList checks={explanation.checks} />
      {explanation.steps.length === 0 ? null : (
        <>
          <h4 className="explanation__subheading">Next steps</h4>
          <ol className="explanation__steps" aria-label="Next steps">
            {explanation.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      <ActionButtons actions={explanation.actions} onAction={(action) => runExplainAction(action, page)} />
    </section>
  );
}

/** States in one line what a response means for the request sent, such as "Now following 2244994945". */
export function ResultMeaning({ requestId, result }: { requestId: string; result: SendResult }) {
  const { response } = result;
  const outcome = describeOutcome({
    requestId,
    status: response.status,
    statusText: response.statusText,
    body: response.body,
    sentBody: result.request.body,
    sentUrl: result.request.url,
    ...(result.authType === undefined ? {} : { authType: result.authType }),
  });

  return (
    <p role="status" aria-label="Meaning" className={`meaning meaning--${outcome.tone}`}>
      {outcome.text}
    </p>
  );
}

function ResetCountdown({ reset }: { reset: RateLimitReset }) {
  const now = useNow(true);
  const secondsLeft = (reset.localResetAtMs - now) / 1000;

  return (
    <p className="explanation__countdown">
      The window resets at <strong>{reset.localTime}</strong> local time:{' '}
      <span role="timer" aria-label="Time until the rate limit resets">
        {secondsLeft > 0 ? `${formatSeconds(secondsLeft)} left` : 'now, send again'}
      </span>
    </p>
  );
}

function ReceivedProblem({ received, fromX }: { received: Explanation['received']; fromX: boolean }) {
  if (received === null) {
    return null;
  }

  return (
    <dl className="explanation__received" aria-label={fromX ? 'As received from X' : 'As received from the workbench server'}>
      {received.title === null ? null : (
        <>
          <dt>{fromX ? "X's title" : 'Title'}</dt>
          <dd>{received.title}</dd>
        </>
      )}
      {received.detail === null ? null : (
        <>
          <dt>{fromX ? "X's detail" : 'Message'}</dt>
          <dd>{received.detail}</dd>
        </>
      )}
      {received.type === null ? null : (
        <>
          <dt>Problem type</dt>
          <dd>
            <code>{received.type}</code>
          </dd>
        </>
      )}
    </dl>
  );
}

const CHECK_RESULT_LABELS: Record<ExplainCheck['result'], string> = { failed: 'Found', passed: 'Ruled out', unknown: 'Cannot tell' };

function CheckList({ checks }: { checks: ExplainCheck[] }) {
  if (checks.length === 0) {
    return null;
  }

  return (
    <>
      <h4 className="explanation__subheading">Likely causes, checked in order</h4>
      <ul className="explanation__checks" aria-label="Checks">
        {checks.map((check) => (
          <li key={check.id} className={`explanation__check explanation__check--${check.result}`}>
            <span className="explanation__check-result">{CHECK_RESULT_LABELS[check.result]}</span>{' '}
            <strong>{check.label}</strong>
            <p className="explanation__check-detail">{check.detail}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ActionButtons({ actions, onAction }: { actions: ExplainAction[]; onAction: (action: ExplainAction) => void }) {
  if (actions.length === 0) {
    return null;
  }

  return (
    <div className="explanation__actions" role="group" aria-label="Suggested actions">
      {actions.map((action) =>
        action.kind === 'open-portal-url' ? (
          <a key={action.label} className="button button--small" href={action.url} target="_blank" rel="noopener noreferrer">
            {action.label}
          </a>
        ) : (
          <button key={action.label} type="button" className="button button--small" onClick={() => onAction(action)}>
            {action.label}
          </button>
        ),
      )}
    </div>
  );
}
