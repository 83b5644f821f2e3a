import { randomUUID } from 'node:crypto';
import type { CollectionDetail, CollectionSummary } from '../../../shared/collections-api.ts';
import { findRequest, listRequests, type CollectionModel } from '../../../shared/postman/model.ts';
import { resolveTarget } from '../../../shared/postman/sendable.ts';
import type { Db } from '../../db/database.ts';
import { ApiError } from '../../http/errors.ts';

/**
 * Imported collections per workspace, each stored whole as JSON: a collection never changes after
 * import, and the page edits its requests as drafts in the browser. The model holds no secret,
 * because import keeps only `{{variable}}` references in credential fields.
 */

interface CollectionRow {
  id: string;
  workspace_id: string;
  name: string;
  file_name: string;
  request_count: number;
  warnings: string;
  created_at: string;
}

const SUMMARY_COLUMNS = 'id, workspace_id, name, file_name, request_count, warnings, created_at';

/** Collections kept per workspace, so that a loop of imports cannot fill the disk. */
export const MAX_COLLECTIONS = 50;

export class CollectionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(workspaceId: string, fileName: string, model: CollectionModel, warnings: string[]): CollectionSummary {
    const id = randomUUID();
    const insert = this.db.transaction(() => {
      const count = this.db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM collections WHERE workspace_id = ?').get(workspaceId)!.count;
      if (count >= MAX_COLLECTIONS) {
        throw new ApiError('conflict', `This workspace already has ${MAX_COLLECTIONS} collections, the maximum (delete one before importing another)`);
      }
      this.db
        .prepare(
          `INSERT INTO collections (id, workspace_id, name, file_name, request_count, warnings, model, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, workspaceId, model.name, fileName, listRequests(model).length, JSON.stringify(warnings), JSON.stringify(model), this.now().toISOString());
    });
    insert();

    return this.summary(workspaceId, id);
  }

  list(workspaceId: string): CollectionSummary[] {
    return this.db
      .prepare<[string], CollectionRow>(`SELECT ${SUMMARY_COLUMNS} FROM collections WHERE workspace_id = ? ORDER BY created_at, id`)
      .all(workspaceId)
      .map(toSummary);
  }

  summary(workspaceId: string, id: string): CollectionSummary {
    const row = this.db
      .prepare<[string, string], CollectionRow>(`SELECT ${SUMMARY_COLUMNS} FROM collections WHERE workspace_id = ? AND id = ?`)
      .get(workspaceId, id);
    if (!row) {
      throw notFound(id);
    }

    return toSummary(row);
  }

  get(workspaceId: string, id: string): CollectionDetail {
    const row = this.db
      .prepare<[string, string], CollectionRow & { model: string }>(`SELECT ${SUMMARY_COLUMNS}, model FROM collections WHERE workspace_id = ? AND id = ?`)
      .get(workspaceId, id);
    if (!row) {
      throw notFound(id);
    }

    return { ...toSummary(row), model: JSON.parse(row.model) as CollectionModel };
  }

  delete(workspaceId: string, id: string): void {
    const result = this.db.prepare('DELETE FROM collections WHERE workspace_id = ? AND id = ?').run(workspaceId, id);
    if (result.changes === 0) {
      throw notFound(id);
    }
  }
}

function toSummary(row: CollectionRow): CollectionSummary {
  return {
    id: row.id,
    name: row.name,
    fileName: row.file_name,
    requestCount: row.request_count,
    warnings: JSON.parse(row.warnings) as string[],
    importedAt: row.created_at,
  };
}

function notFound(id: string): ApiError {
  return new ApiError('not_found', `No collection with ID ${JSON.stringify(id)} in this workspace (it may have been deleted; reload the page)`, {
    field: 'collectionId',
  });
}

/** Names an imported request for the history, or returns null when the send names no collection or an unknown one. */
export function describeImportedRequest(
  store: CollectionStore,
  workspaceId: string,
  input: { collectionId?: string | undefined; requestId: string },
): { name: string; method: string; pathTemplate: string } | null {
  if (input.collectionId === undefined) {
    return null;
  }
  try {
    const located = findRequest(store.get(workspaceId, input.collectionId).model, input.requestId);
    if (!located) {
      return null;
    }
    const target = resolveTarget(located.request.url.raw);

    return { name: located.request.name, method: located.request.method, pathTemplate: target.kind === 'invalid' ? located.request.url.raw : target.path };
  } catch {
    return null;
  }
}
