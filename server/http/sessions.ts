import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';

/**
 * Browser sessions and the workspaces they open. A session is a random cookie value, stored only
 * as its SHA-256 hash, with a CSRF token bound to it. In local mode every session opens the one
 * local workspace; in team mode each new session gets a workspace of its own.
 */

export const LOCAL_WORKSPACE_ID = 'local';
export const SESSION_COOKIE = 'wb_session';

/** Sessions idle for longer than this are deleted, with their team-mode workspace. */
const SESSION_IDLE_DAYS = 30;

export interface Session {
  workspaceId: string;
  csrfToken: string;
  /** SHA-256 of the cookie value, which identifies the session without revealing it (OAuth 2.0 binds its state to it). */
  idHash: string;
}

interface SessionRow {
  workspace_id: string;
  csrf_token: string;
  last_seen_at: string;
}

export interface SessionStoreOptions {
  db: Db;
  teamMode: boolean;
  /** Called inside the transaction that creates a workspace, to seed its default environments. */
  seedWorkspace: (workspaceId: string) => void;
  now?: () => Date;
}

export class SessionStore {
  private readonly db: Db;
  private readonly now: () => Date;

  constructor(private readonly options: SessionStoreOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  /** Creates the local workspace on first start; in team mode, removes idle sessions. */
  initialize(): void {
    if (!this.options.teamMode) {
      this.ensureWorkspace(LOCAL_WORKSPACE_ID);
    }
    this.deleteIdleSessions();
  }

  find(cookieValue: string | undefined): Session | null {
    if (!cookieValue || cookieValue.length > 128) {
      return null;
    }
    const idHash = hashSessionId(cookieValue);
    const row = this.db
      .prepare<[string], SessionRow>('SELECT workspace_id, csrf_token, last_seen_at FROM sessions WHERE id_hash = ?')
      .get(idHash);
    if (!row) {
      return null;
    }
    this.touch(cookieValue, row.last_seen_at);

    return { workspaceId: row.workspace_id, csrfToken: row.csrf_token, idHash };
  }

  /** Starts a session and returns its cookie value. */
  create(): { cookieValue: string; session: Session } {
    const cookieValue = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const timestamp = this.now().toISOString();

    const workspaceId = this.options.teamMode ? `team-${randomUUID()}` : LOCAL_WORKSPACE_ID;
    const insert = this.db.transaction(() => {
      this.ensureWorkspace(workspaceId);
      this.db
        .prepare('INSERT INTO sessions (id_hash, workspace_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
        .run(hashSessionId(cookieValue), workspaceId, csrfToken, timestamp, timestamp);
    });
    insert();

    return { cookieValue, session: { workspaceId, csrfToken, idHash: hashSessionId(cookieValue) } };
  }

  private ensureWorkspace(workspaceId: string): void {
    const create = this.db.transaction(() => {
      const inserted = this.db
        .prepare('INSERT OR IGNORE INTO workspaces (id, created_at) VALUES (?, ?)')
        .run(workspaceId, this.now().toISOString());
      if (inserted.changes === 1) {
        this.options.seedWorkspace(workspaceId);
      }
    });
    create();
  }

  /** Records activity at most once an hour, so that reads do not turn into writes on every call. */
  private touch(cookieValue: string, lastSeenAt: string): void {
    const now = this.now();
    if (now.getTime() - Date.parse(lastSeenAt) < 3_600_000) {
      return;
    }
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now.toISOString(), hashSessionId(cookieValue));
  }

  private deleteIdleSessions(): void {
    const cutoff = new Date(this.now().getTime() - SESSION_IDLE_DAYS * 86_400_000).toISOString();
    const cleanup = this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ?').run(cutoff);
      this.db
        .prepare(
          `DELETE FROM workspaces WHERE id != ? AND id NOT IN (SELECT DISTINCT workspace_id FROM sessions)`,
        )
        .run(LOCAL_WORKSPACE_ID);
    });
    cleanup();
  }
}

function hashSessionId(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}
