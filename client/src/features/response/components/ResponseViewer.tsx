import { useState } from 'react';

import type { SendResult } from '../../../../../shared/api.ts';
import type { AuthType } from '../../../../../shared/auth-types.ts';
import { describeOutcome, needsUserContext } from '../../../../../shared/outcome.ts';
import { Tabs, type TabItem } from '../../../components/Tabs.tsx';
import { classifyStatus, formatDuration, formatSize } from '../model/format.ts';
import { ApiErrorView } from './ApiErrorView.tsx';
import { HeadersTable } from './HeadersTable.tsx';
import { JsonBody } from './JsonBody.tsx';
import { SentRequestView } from './SentRequestView.tsx';
import './response-viewer.css';

type ResponseTab = 'body' | 'headers' | 'request';

interface ResponseViewerProps {
  requestId: string;
  exchange: { result: SendResult | null; error: Error | null } | null;
  pending: boolean;
  /** Switches the request to another auth type, offered when X rejects an app-only bearer token. */
  onSwitchAuthType?: (authType: AuthType) => void;
}

export function ResponseViewer({ requestId, exchange, pending, onSwitchAuthType }: ResponseViewerProps) {
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
        {exchange?.result ? <ResultView requestId={requestId} result={exchange.result} onSwitchAuthType={onSwitchAuthType} /> : null}
      </div>
    </section>
  );
}

interface ResultViewProps {
  requestId: string;
  result: SendResult;
  onSwitchAuthType: ((authType: AuthType) => void) | undefined;
}

function ResultView({ requestId, result, onSwitchAuthType }: ResultViewProps) {
  const [tab, setTab] = useState<ResponseTab>('body');
  const [raw, setRaw] = useState(false);
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
  const offerUserContext = onSwitchAuthType !== undefined && needsUserContext(response.status, response.body);

  const tabs: Array<TabItem<ResponseTab>> = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: 'Headers', badge: String(response.headers.length) },
    { id: 'request', label: 'Request' },
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
      <p role="status" aria-label="Meaning" className={`meaning meaning--${outcome.tone}`}>
        {outcome.text}
      </p>
      {offerUserContext ? (
        <div className="response__actions">
          <button type="button" className="button button--small" onClick={() => onSwitchAuthType('oauth1')}>
            Use OAuth 1.0a User Context
          </button>
          <button type="button" className="button button--small" onClick={() => onSwitchAuthType('oauth2')}>
            Use OAuth 2.0 User Context (PKCE)
          </button>
        </div>
      ) : null}
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
        selected={tab}
        onSelect={setTab}
        actions={
          tab === 'body' ? (
            <button type="button" className="button button--small" aria-pressed={raw} onClick={() => setRaw(!raw)}>
              Raw
            </button>
          ) : undefined
        }
      >
        {tab === 'body' ? <JsonBody body={response.body} raw={raw} truncated={response.truncated} /> : null}
        {tab === 'headers' ? <HeadersTable headers={response.headers} caption="Response headers" /> : null}
        {tab === 'request' ? <SentRequestView request={result.request} /> : null}
      </Tabs>
    </>
  );
}
