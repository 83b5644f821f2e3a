import type { ApiErrorBody, SendRequest, SendResult } from '../../../shared/api.ts';
import { MAX_HISTORY_ENTRIES, type HistoryEntry, type HistoryPage, type HistoryQuery, type HistorySummary } from '../../../shared/history.ts';
import type { Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';

/**
 * The request history in SQLite, per workspace. Pages are read by keyset (`id < before`, newest
 * first) on the (workspace_id, id) index, so a page costs the same with 10 entries or 1,000.
 * The large columns sit last in the row, and the list reads only the small ones.
 */

export interface NewHistoryEntry {
  workspaceId: string;
  createdAt: Date;
  environmentName: string;
  requestName: string;
  endpoint: string;
  method: string;
  url: string;
  input: SendRequest;
  result: SendResult | null;
  error: ApiErrorBody['error'] | null;
}

interface SummaryRow {
  id: number | bigint;
  created_at: string;
  environment_name: string;
  request_name: string;
  endpoint: string;
  method: string;
  url: string;
  status: number | null;
  status_class: HistorySummary['statusClass'];
  error_message: string | null;
  duration_ms: number | null;
  size_bytes: number | null;
}

interface DetailRow extends SummaryRow {
  detail: string;
}

const SUMMARY_COLUMNS =
  'id, created_at, environment_name, request_name, endpoint, method, url, status, status_class, error_message, duration_ms, size_bytes';

export class HistoryStore {
  /**
   * Entries per workspace, counted once from the table and then kept up to date here, so that
   * trimming deletes only the oldest row instead of walking the newest `maxEntries` on every send.
   * Only this store writes the history table.
   */
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries: number = MAX_HISTORY_ENTRIES,
  ) {}

  /** Inserts an entry and deletes the workspace's entries beyond the newest `maxEntries`, in one transaction. Returns the new ID. */
  add(entry: NewHistoryEntry): string {
    const status = entry.result?.response.status ?? null;
    const detail = JSON.stringify({ input: entry.input, result: entry.result, error: entry.error });

    const insert = this.db.transaction(() => {
      const previousCount = this.countEntries(entry.workspaceId);
      const inserted = this.db
        .prepare(
          `INSERT INTO history (workspace_id, created_at, environment_name, request_name, endpoint, method, url, status,
             status_class, error_message, duration_ms, size_bytes, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.workspaceId,
          entry.createdAt.toISOString(),
          entry.environmentName,
          entry.requestName,
          entry.endpoint,
          entry.method,
          entry.url,
          status,
          statusClass(status),
          entry.error?.message ?? null,
          entry.result?.durationMs ?? null,
          entry.result?.sizeBytes ?? null,
          detail,
        );
      let count = previousCount + 1;
      const deleteOldest = this.db.prepare(
        'DELETE FROM history WHERE id = (SELECT MIN(id) FROM history WHERE workspace_id = ?)',
      );
      while (count > this.maxEntries) {
        deleteOldest.run(entry.workspaceId);
        count -= 1;
      }

      return { id: String(inserted.lastInsertRowid), count };
    });

    const { id, count } = insert();
    this.counts.set(entry.workspaceId, count);

    return id;
  }

  private countEntries(workspaceId: string): number {
    const cached = this.counts.get(workspaceId);
    if (cached !== undefined) {
      return cached;
    }

    return this.db
      .prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM history WHERE workspace_id = ?')
      .get(workspaceId)!.count;
  }

  /** Returns one page, newest first, after the filters. */
  list(workspaceId: string, query: HistoryQuery & { limit: number }): HistoryPage {
    const conditions = ['workspace_id = ?'];
    const parameters: Array<string | bigint | number> = [workspaceId];
    if (query.before !== undefined) {
      conditions.push('id < ?');
      const before = BigInt(query.before);
      parameters.push(before > MAX_ROW_ID ? MAX_ROW_ID : before);
    }
    if (query.status !== undefined) {
      conditions.push('status_class = ?');
      parameters.push(query.status);
    }
    if (query.endpoint !== undefined) {
      conditions.push('(request_name = ? OR endpoint = ? OR substr(endpoint, instr(endpoint, \' \') + 1) = ?)');
      parameters.push(query.endpoint, query.endpoint, query.endpoint);
    }

    // One row more than the page shows whether an older page exists.
    const rows = this.db
      .prepare<unknown[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM history WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      )
      .all(...parameters, query.limit + 1);
    const entries = rows.slice(0, query.limit).map(toSummary);

    return { entries, nextBefore: rows.length > query.limit ? entries[entries.length - 1]!.id : null };
  }

  /** Returns the request names used in the workspace's history, for the endpoint filter. */
  requestNames(workspaceId: string): string[] {
    return this.db
      .prepare<[string], { request_name: string }>('SELECT DISTINCT request_name FROM history WHERE workspace_id = ? ORDER BY request_name')
      .all(workspaceId)
      .map((row) => row.request_name);
  }

  get(workspaceId: string, id: string): HistoryEntry {
    const row = this.db
      .prepare<[string, bigint], DetailRow>(`SELECT ${SUMMARY_COLUMNS}, detail FROM history WHERE workspace_id = ? AND id = ?`)
      .get(workspaceId, parseId(id));
    if (!row) {
      throw notFound(id);
    }
    const detail = JSON.parse(row.detail) as Pick<HistoryEntry, 'input' | 'result' | 'error'>;

    return { ...toSummary(row), ...detail };
  }

  delete(workspaceId: string, id: string): void {
    const result = this.db.prepare('DELETE FROM history WHERE workspace_id = ? AND id = ?').run(workspaceId, parseId(id));
    if (result.changes === 0) {
      throw notFound(id);
    }
    this.counts.delete(workspaceId);
  }

  /** Deletes every entry of the workspace and returns how many there were. */
  clear(workspaceId: string): number {
    const deleted = this.db.prepare('DELETE FROM history WHERE workspace_id = ?').run(workspaceId).changes;
    this.counts.set(workspaceId, 0);

    return deleted;
  }
}

function statusClass(status: number | null): HistorySummary['statusClass'] {
  if (status === null || status < 100 || status > 599) {
    return 'error';
  }

  return `${Math.floor(status / 100)}xx` as HistorySummary['statusClass'];
}

function toSummary(row: SummaryRow): HistorySummary {
  return {
    id: String(row.id),
    createdAt: row.created_at,
    environmentName: row.environment_name,
    requestName: row.request_name,
    endpoint: row.endpoint,
    method: row.method,
    url: row.url,
    status: row.status,
    statusClass: row.status_class,
    errorMessage: row.error_message,
    durationMs: row.duration_ms,
    sizeBytes: row.size_bytes,
  };
}

/** Largest SQLite INTEGER; a 19-digit ID above it cannot exist. */
const MAX_ROW_ID = 9_223_372_036_854_775_807n;

function parseId(id: string): bigint {
  if (!/^[1-9][0-9]{0,18}$/.test(id) || BigInt(id) > MAX_ROW_ID) {
    throw notFound(id);
  }

  return BigInt(id);
}

function notFound(id: string): ApiError {
  return new ApiError('not_found', `No history entry with ID ${JSON.stringify(id)} in this workspace (it may have been deleted; reload the history)`);
}
