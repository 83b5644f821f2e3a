import type { OAuth2Status } from '../../../shared/api.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/database.ts';

/**
 * The database side of OAuth 2.0: authorizations in progress (one per Authorize click) and the
 * tokens of each signed-in environment. The verifier and the tokens are sealed with the SecretBox,
 * bound to their row, and a state is stored only as its hash.
 */

export interface PendingAuthorization {
  workspaceId: string;
  sessionHash: string;
  environmentId: string;
  verifier: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: Date;
}

export interface StoredTokens {
  clientId: string;
  userId: string;
  username: string;
  scopes: string[];
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
}

interface AuthorizationRow {
  state_hash: string;
  workspace_id: string;
  session_hash: string;
  environment_id: string;
  sealed_verifier: Buffer;
  redirect_uri: string;
  scopes: string;
  expires_at: string;
}

interface TokenRow {
  environment_id: string;
  client_id: string;
  user_id: string;
  username: string;
  scopes: string;
  sealed_access_token: Buffer;
  sealed_refresh_token: Buffer | null;
  expires_at: string;
}

export class OAuth2TokenStore {
  constructor(
    private readonly db: Db,
    private readonly secretBox: SecretBox,
    private readonly now: () => number,
  ) {}

  /** Stores a new authorization and deletes expired ones, so that abandoned flows do not pile up. */
  savePending(stateHash: string, pending: PendingAuthorization): void {
    const save = this.db.transaction(() => {
      this.db.prepare('DELETE FROM oauth2_authorizations WHERE expires_at < ?').run(new Date(this.now()).toISOString());
      this.db
        .prepare(
          `INSERT INTO oauth2_authorizations
             (state_hash, workspace_id, session_hash, environment_id, sealed_verifier, redirect_uri, scopes, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          stateHash,
          pending.workspaceId,
          pending.sessionHash,
          pending.environmentId,
          this.secretBox.seal(pending.verifier, verifierData(stateHash)),
          pending.redirectUri,
          pending.scopes.join(' '),
          new Date(this.now()).toISOString(),
          pending.expiresAt.toISOString(),
        );
    });
    save();
  }

  /**
   * Removes the authorization with this state hash and returns it, so that a state works once
   * whatever happens next. An authorization of another session is left in place for its owner.
   */
  takePending(stateHash: string, sessionHash: string): PendingAuthorization | 'missing' | 'other-session' {
    const take = this.db.transaction(() => {
      const row = this.db
        .prepare<[string], AuthorizationRow>('SELECT * FROM oauth2_authorizations WHERE state_hash = ?')
        .get(stateHash);
      if (!row) {
        return 'missing' as const;
      }
      if (row.session_hash !== sessionHash) {
        return 'other-session' as const;
      }
      this.db.prepare('DELETE FROM oauth2_authorizations WHERE state_hash = ?').run(stateHash);
      return row;
    });
    const row = take();
    if (typeof row === 'string') {
      return row;
    }

    return {
      workspaceId: row.workspace_id,
      sessionHash: row.session_hash,
      environmentId: row.environment_id,
      verifier: this.secretBox.open(row.sealed_verifier, verifierData(row.state_hash)),
      redirectUri: row.redirect_uri,
      scopes: splitScopes(row.scopes),
      expiresAt: new Date(row.expires_at),
    };
  }

  saveTokens(environmentId: string, tokens: StoredTokens): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO oauth2_tokens
           (environment_id, client_id, user_id, username, scopes, sealed_access_token, sealed_refresh_token, expires_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        environmentId,
        tokens.clientId,
        tokens.userId,
        tokens.username,
        tokens.scopes.join(' '),
        this.secretBox.seal(tokens.accessToken, tokenData(environmentId, 'access')),
        tokens.refreshToken === null ? null : this.secretBox.seal(tokens.refreshToken, tokenData(environmentId, 'refresh')),
        tokens.expiresAt.toISOString(),
        new Date(this.now()).toISOString(),
      );
  }

  readTokens(environmentId: string): StoredTokens | null {
    const row = this.tokenRow(environmentId);
    if (!row) {
      return null;
    }

    return {
      clientId: row.client_id,
      userId: row.user_id,
      username: row.username,
      scopes: splitScopes(row.scopes),
      accessToken: this.secretBox.open(row.sealed_access_token, tokenData(environmentId, 'access')),
      refreshToken:
        row.sealed_refresh_token === null ? null : this.secretBox.open(row.sealed_refresh_token, tokenData(environmentId, 'refresh')),
      expiresAt: new Date(row.expires_at),
    };
  }

  /** Returns what the browser may see of a sign-in: never a token. */
  readStatus(environmentId: string): OAuth2Status | null {
    const row = this.tokenRow(environmentId);
    if (!row) {
      return null;
    }

    return {
      userId: row.user_id,
      username: row.username,
      scopes: splitScopes(row.scopes),
      expiresAt: row.expires_at,
      refreshable: row.sealed_refresh_token !== null,
    };
  }

  deleteTokens(environmentId: string): void {
    this.db.prepare('DELETE FROM oauth2_tokens WHERE environment_id = ?').run(environmentId);
  }

  private tokenRow(environmentId: string): TokenRow | undefined {
    return this.db.prepare<[string], TokenRow>('SELECT * FROM oauth2_tokens WHERE environment_id = ?').get(environmentId);
  }
}

function verifierData(stateHash: string): string {
  return `oauth2-authorization:${stateHash}:verifier`;
}

function tokenData(environmentId: string, kind: 'access' | 'refresh'): string {
  return `environment:${environmentId}:oauth2:${kind}-token`;
}

function splitScopes(scopes: string): string[] {
  return scopes.split(' ').filter((scope) => scope !== '');
}
