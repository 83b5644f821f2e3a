import { lazy, Suspense, useState } from 'react';

import type { EnvironmentView, SendResult } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import type { PageActions } from '../../../app/page-actions.ts';
import { PanelBoundary } from '../../../components/PanelBoundary.tsx';
import { Tabs, type TabItem } from '../../../components/Tabs.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import type { ExplainSource } from '../../explain/components/ExplanationSection.tsx';
import { classifyStatus, formatDuration, formatSize } from '../model/format.ts';
import { ApiErrorView } from './ApiErrorView.tsx';
import { HeadersTable } from './HeadersTable.tsx';
import { JsonBody } from './JsonBody.tsx';
import { SentRequestView } from './SentRequestView.tsx';
import './response-viewer.css';

// The meaning, the explanation and the signature steps load on first use, which keeps them out of
// the first page's JavaScript. The meaning and the explanation share one chunk.
const ExplanationSection = lazy(() => import('../../explain/components/ExplanationSection.tsx'));
const ResultMeaning = lazy(() => import('../../explain/components/ExplanationSection.tsx').then((module) => ({ default: module.ResultMeaning })));
const SignatureSteps = lazy(() => import('../../explain/components/SignatureSteps.tsx'));

type ResponseTab = 'body' | 'headers' | 'request' | 'signature';

/** Inputs of the explanation under a response, besides the response itself. */
export interface ExplainOptions {
  environment: EnvironmentView;
  /** The auth type the request is sent with, used when a result does not name its own. */
  authType: AuthType;
  page: PageActions;
}

interface ResponseViewerProps {
  requestId: string;
  exchange: { result: SendResult | null; error: Error | null } | null;
  pending: boolean;
  /** Shows an explanation with cause, steps and actions under each result; absent shows none. */
  explain?: ExplainOptions | null;
}

export function ResponseViewer({ requestId, exchange, pending, explain = null }: ResponseViewerProps) {
  const errorDetail = exchange?.error instanceof ApiError ? exchange.error.detail : null;

  return (
    <section className="response" aria-label="Response" aria-busy={pending}>
      <h2 className="response__title">Response</h2>
      {pending ? (
        <p role="status" className="response__pending">
          <span className="spinner" aria-hidden="true" /> Sending…
        </p>
      ) : null}
      <div className={pending ? 'response__content response__content--stale' : 'response__content'}>
        {exchange === null && !pending ? (
          <p className="response__empty">Pick X Sandbox, enter an ID and press Send.</p>
        ) : null}
        {exchange?.error ? <ApiErrorView error={exchange.error} /> : null}
        {errorDetail === null ? null : <Explanation source={{ kind: 'error', detail: errorDetail }} requestId={requestId} explain={explain} authType={null} />}
        {exchange?.result ? (
          <ResultView requestId={requestId} result={exchange.result} explain={explain} />
        ) : null}
      </div>
    </section>
  );
}

interface ResultViewProps {
  requestId: string;
  result: SendResult;
  explain: ExplainOptions | null;
}

function ResultView({ requestId, result, explain }: ResultViewProps) {
  const [tab, setTab] = useState<ResponseTab>('body');
  const [raw, setRaw] = useState(false);
  const { response } = result;
  const signature = result.signature;
  const shownTab = tab === 'signature' && signature === undefined ? 'body' : tab;

  const tabs: Array<TabItem<ResponseTab>> = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: 'Headers', badge: String(response.headers.length) },
    { id: 'request', label: 'Request' },
    ...(signature === undefined ? [] : [{ id: 'signature' as const, label: 'Signature' }]),
  ];

  return (
    <>
      <div className="response__summary">
        <span role="status" aria-label="Response status" className={`http-status http-status--${classifyStatus(response.status)}`}>
          {response.status} {response.statusText}
        </span>
        <span className="response__fact" aria-label="Response time">
          {formatDuration(result.durationMs)}
        </span>
        <span className="response__fact" aria-label="Response size">
          {formatSize(result.sizeBytes)}
        </span>
        <span className="response__fact muted">via {result.environmentName}</span>
        {response.truncated ? <span className="badge badge--warning">truncated</span> : null}
      </div>
      <PanelBoundary part="the meaning of the response">
        <Suspense fallback={<p className="meaning">Reading the response…</p>}>
          <ResultMeaning requestId={requestId} result={result} />
        </Suspense>
      </PanelBoundary>
      <Explanation source={{ kind: 'result', result }} requestId={requestId} explain={explain} authType={result.authType ?? null} />
      {result.notes === undefined || result.notes.length === 0 ? null : (
        <ul className="response__notes" aria-label="Proxy notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <Tabs
        label="Response sections"
        tabs={tabs}
        selected={shownTab}
        onSelect={setTab}
        actions={
          shownTab === 'body' ? (
            <button type="button" className="button button--small" aria-pressed={raw} onClick={() => setRaw(!raw)}>
              Raw
            </button>
          ) : undefined
        }
      >
        {shownTab === 'body' ? <JsonBody body={response.body} raw={raw} truncated={response.truncated} /> : null}
        {shownTab === 'headers' ? <HeadersTable headers={response.headers} caption="Response headers" /> : null}
        {shownTab === 'request' ? <SentRequestView request={result.request} /> : null}
        {shownTab === 'signature' && signature !== undefined ? (
          <PanelBoundary part="the signature steps">
            <Suspense fallback={<p role="status">Loading the signature steps…</p>}>
              <SignatureSteps signature={signature} />
            </Suspense>
          </PanelBoundary>
        ) : null}
      </Tabs>
    </>
  );
}

interface ExplanationProps {
  source: ExplainSource;
  requestId: string;
  explain: ExplainOptions | null;
  /** The auth type the result was sent with, or null to take the page's. */
  authType: AuthType | null;
}

function Explanation({ source, requestId, explain, authType }: ExplanationProps) {
  if (explain === null) {
    return null;
  }

  return (
    <PanelBoundary part="the explanation">
      <Suspense fallback={<p role="status">Loading the explanation…</p>}>
        <ExplanationSection
          source={source}
          requestId={requestId}
          environment={explain.environment}
          authType={authType ?? explain.authType}
          page={explain.page}
        />
      </Suspense>
    </PanelBoundary>
  );
}
