/**
 * Schema migrations, applied in order at start-up inside one transaction each. The number of the
 * newest applied migration is kept in `PRAGMA user_version`. Never edit a released migration: add
 * the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: workspaces, sessions and environments with their variables.
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
  );

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_workspace ON sessions(workspace_id);

  CREATE TABLE environments (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sandbox', 'custom')),
    base_url TEXT NOT NULL,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX environments_by_workspace ON environments(workspace_id, position);

  CREATE TABLE environment_variables (
    environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    secret INTEGER NOT NULL CHECK (secret IN (0, 1)),
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    plain_value TEXT,
    sealed_value BLOB,
    hint TEXT,
    PRIMARY KEY (environment_id, key),
    CHECK (secret = 0 OR plain_value IS NULL)
  );
  `,
  // 2: auth type per environment, OAuth 2.0 authorizations in progress and signed-in tokens.
  `
  ALTER TABLE environments ADD COLUMN auth_type TEXT NOT NULL DEFAULT 'oauth1'
    CHECK (auth_type IN ('oauth1', 'oauth2', 'app-only'));

  CREATE TABLE oauth2_authorizations (
    state_hash TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    session_hash TEXT NOT NULL,
    environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
    sealed_verifier BLOB NOT NULL,
    redirect_uri TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX oauth2_authorizations_by_expiry ON oauth2_authorizations(expires_at);

  CREATE TABLE oauth2_tokens (
    environment_id TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    scopes TEXT NOT NULL,
    sealed_access_token BLOB NOT NULL,
    sealed_refresh_token BLOB,
    expires_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // Request history, newest 1,000 per workspace, and imported Postman collections.
  `
  CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    environment_name TEXT NOT NULL,
    request_name TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER,
    status_class TEXT NOT NULL CHECK (status_class IN ('1xx', '2xx', '3xx', '4xx', '5xx', 'error')),
    error_message TEXT,
    duration_ms REAL,
    size_bytes INTEGER,
    detail TEXT NOT NULL
  );
  CREATE INDEX history_by_workspace ON history(workspace_id, id);

  CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    request_count INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX collections_by_workspace ON collections(workspace_id, created_at);
  `,
];
