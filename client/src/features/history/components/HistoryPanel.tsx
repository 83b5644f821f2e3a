import { useState } from 'react';

import type { HistoryEntry, HistoryStatusFilter, HistorySummary } from '../../../../../shared/history.ts';
import { MethodBadge } from '../../../components/MethodBadge.tsx';
import { getHistoryEntry, useClearHistory, useDeleteHistoryEntry, useHistoryPage, useHistoryRequestNames, type HistoryFilters } from '../api/history.ts';
import './history-panel.css';

// Repeats HISTORY_STATUS_FILTERS of shared/history.ts, which imports zod, which the browser bundle leaves out.
const STATUS_FILTERS: readonly HistoryStatusFilter[] = ['2xx', '3xx', '4xx', '5xx', 'error'];

interface HistoryPanelProps {
  /** Shows the entry's response in the response viewer. */
  onOpen: (entry: HistoryEntry) => void;
  /** Sends the entry's request again, as it was sent. */
  onResend: (entry: HistoryEntry) => void;
  onClose: () => void;
}

/** Lists past sends, newest first, with status and endpoint filters, one page of 50 at a time. */
export default function HistoryPanel({ onOpen, onResend, onClose }: HistoryPanelProps) {
  const [filters, setFilters] = useState<HistoryFilters>({ status: null, endpoint: null });
  const [cursors, setCursors] = useState<string[]>([]);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const before = cursors.at(-1) ?? null;
  const page = useHistoryPage(filters, before);
  const requestNames = useHistoryRequestNames();
  const deleteEntry = useDeleteHistoryEntry();
  const clearHistory = useClearHistory();

  const changeFilters = (changes: Partial<HistoryFilters>) => {
    setFilters({ ...filters, ...changes });
    setCursors([]);
  };

  const loadAnd = (summary: HistorySummary, action: (entry: HistoryEntry) => void) => {
    setActionError(null);
    getHistoryEntry(summary.id).then(action, (error: Error) => setActionError(error.message));
  };

  return (
    <aside className="history-panel" aria-label="History">
      <div className="history-panel__header">
        <h2 className="history-panel__title">History</h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close history
        </button>
      </div>

      <div className="history-panel__filters">
        <label>
          Status
          <select className="select" value={filters.status ?? ''} onChange={(event) => changeFilters({ status: (event.target.value || null) as HistoryStatusFilter | null })}>
            <option value="">All</option>
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {status === 'error' ? 'No response' : status}
              </option>
            ))}
          </select>
        </label>
        <label>
          Endpoint
          <select className="select" value={filters.endpoint ?? ''} onChange={(event) => changeFilters({ endpoint: event.target.value || null })}>
            <option value="">All</option>
            {(requestNames.data ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>

      {page.isError ? <p role="alert">Could not load the history: {page.error.message}</p> : null}
      {actionError === null ? null : <p role="alert">{actionError}</p>}
      {page.data?.entries.length === 0 ? <p className="muted">No sends{filters.status === null && filters.endpoint === null ? ' yet' : ' match the filters'}.</p> : null}

      <ul className="history-panel__list">
        {(page.data?.entries ?? []).map((summary) => (
          <li key={summary.id} className="history-panel__entry" aria-label={`${summary.requestName}, ${describeStatus(summary)}`}>
            <div className="history-panel__line">
              <span className={`http-status http-status--${summary.status === null ? 'error' : summary.statusClass.replace('xx', '')}`}>{describeStatus(summary)}</span>
              <MethodBadge method={summary.method} hidden />
              <span className="history-panel__name">{summary.requestName}</span>
            </div>
            <div className="history-panel__meta muted">
              <time dateTime={summary.createdAt}>{new Date(summary.createdAt).toLocaleString()}</time> · {summary.environmentName}
              {summary.durationMs === null ? '' : ` · ${Math.round(summary.durationMs)} ms`}
            </div>
            <div className="history-panel__actions">
              <button type="button" className="link-button" onClick={() => loadAnd(summary, onOpen)}>
                Open
              </button>
              <button type="button" className="link-button" onClick={() => loadAnd(summary, onResend)}>
                Re-send
              </button>
              <button type="button" className="link-button" onClick={() => deleteEntry.mutate(summary.id)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>

      <div className="history-panel__paging">
        <button type="button" className="button button--small" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </button>
        <button type="button" className="button button--small" disabled={!page.data?.nextBefore} onClick={() => setCursors([...cursors, page.data!.nextBefore!])}>
          Older
        </button>
      </div>

      {confirmingClear ? (
        <div role="group" aria-label="Confirm clearing the history" className="notice notice--warning">
          <p>Delete every entry of the history? This cannot be undone.</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              clearHistory.mutate();
              setConfirmingClear(false);
              setCursors([]);
            }}
          >
            Clear all
          </button>
          <button type="button" className="button button--small" onClick={() => setConfirmingClear(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirmingClear(true)}>
          Clear history…
        </button>
      )}
    </aside>
  );
}

function describeStatus(summary: HistorySummary): string {
  return summary.status === null ? 'no response' : String(summary.status);
}
