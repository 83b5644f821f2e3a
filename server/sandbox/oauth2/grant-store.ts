/**
 * Authorization codes, access tokens and refresh tokens, in memory. Every code and token belongs to
 * a grant: one user's consent to one client for a set of scopes. Memory stays bounded, because each
 * kind has a maximum count (the oldest entry goes first) and expired entries are purged.
 */
import { randomBytes } from 'node:crypto';

import type { CodeChallengeMethod } from './pkce.ts';

/** RFC 6749 leaves the code lifetime to the server; X's authorization codes expire after 30 seconds. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 30_000;
/** X's access tokens last two hours (`expires_in: 7200`). */
export const ACCESS_TOKEN_LIFETIME_MS = 7200 * 1000;
/**
 * How long a used or expired code is remembered. A code presented again within this time revokes
 * the tokens issued from it. It matches the access token lifetime, so it covers every access
 * token issued from the code.
 */
const CODE_RETENTION_MS = ACCESS_TOKEN_LIFETIME_MS;
/** How long an expired access token is remembered, so that a 401 can name expiry as its cause. */
const EXPIRED_ACCESS_TOKEN_RETENTION_MS = 60 * 60 * 1000;

/** Maximum entries per kind. The numbers are the sandbox's own, sized for tests and benchmarks. */
export const GRANT_STORE_LIMITS = { codes: 10_000, accessTokens: 50_000, refreshTokens: 50_000 } as const;

export interface Grant {
  id: string;
  clientId: string;
  userId: string;
  /** Scopes the user approved, in the order the client requested them. */
  scopes: readonly string[];
}

export interface AuthorizationCode {
  grant: Grant;
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: CodeChallengeMethod;
  issuedAtMs: number;
  expiresAtMs: number;
  /** Null until the code is exchanged for tokens. */
  usedAtMs: number | null;
}

export interface AccessToken {
  grant: Grant;
  /** The token's scopes: the grant's, or fewer when a refresh request narrowed them. */
  scopes: readonly string[];
  issuedAtMs: number;
  expiresAtMs: number;
}

export interface RefreshToken {
  grant: Grant;
  issuedAtMs: number;
}

export interface IssuedTokens {
  accessToken: string;
  /** Present only when the grant includes offline.access. */
  refreshToken?: string;
  expiresInSeconds: number;
  scopes: readonly string[];
}

export type NewAuthorizationCode = Omit<AuthorizationCode, 'issuedAtMs' | 'expiresAtMs' | 'usedAtMs'>;

/** Returns 256 random bits as 43 base64url characters. */
function newSecretValue(): string {
  return randomBytes(32).toString('base64url');
}

export class GrantStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(private readonly now: () => number) {}

  newGrant(clientId: string, userId: string, scopes: readonly string[]): Grant {
    return { id: newSecretValue(), clientId, userId, scopes: [...scopes] };
  }

  issueCode(input: NewAuthorizationCode): string {
    const now = this.now();
    const code = newSecretValue();
    this.codes.set(code, { ...input, issuedAtMs: now, expiresAtMs: now + AUTHORIZATION_CODE_LIFETIME_MS, usedAtMs: null });
    purge(this.codes, (entry) => entry.issuedAtMs + CODE_RETENTION_MS <= now, GRANT_STORE_LIMITS.codes);

    return code;
  }

  /** Returns the code even when it is used or expired, so that the caller can tell those cases apart. */
  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  markCodeUsed(entry: AuthorizationCode): void {
    entry.usedAtMs = this.now();
  }

  /** Issues an access token with `scopes`, and a refresh token when the grant includes offline.access. */
  issueTokens(grant: Grant, scopes: readonly string[]): IssuedTokens {
    const now = this.now();
    const accessToken = newSecretValue();
    this.accessTokens.set(accessToken, { grant, scopes: [...scopes], issuedAtMs: now, expiresAtMs: now + ACCESS_TOKEN_LIFETIME_MS });
    purge(this.accessTokens, (entry) => entry.expiresAtMs + EXPIRED_ACCESS_TOKEN_RETENTION_MS <= now, GRANT_STORE_LIMITS.accessTokens);

    const issued: IssuedTokens = { accessToken, expiresInSeconds: ACCESS_TOKEN_LIFETIME_MS / 1000, scopes: [...scopes] };
    if (grant.scopes.includes('offline.access')) {
      issued.refreshToken = newSecretValue();
      this.refreshTokens.set(issued.refreshToken, { grant, issuedAtMs: now });
      // NOTE: X publishes no lifetime for refresh tokens, so they last until used, revoked or evicted as the oldest.
      purge(this.refreshTokens, () => false, GRANT_STORE_LIMITS.refreshTokens);
    }

    return issued;
  }

  /** Returns the access token with `expired` set once its lifetime ended, or undefined when unknown or revoked. */
  findAccessToken(token: string): { entry: AccessToken; expired: boolean } | undefined {
    const entry = this.accessTokens.get(token);

    return entry && { entry, expired: this.now() >= entry.expiresAtMs };
  }

  findRefreshToken(token: string): RefreshToken | undefined {
    return this.refreshTokens.get(token);
  }

  /** Deletes a refresh token, so that rotation leaves only the newest one working. */
  deleteRefreshToken(token: string): void {
    this.refreshTokens.delete(token);
  }

  deleteAccessToken(token: string): void {
    this.accessTokens.delete(token);
  }

  /** Revokes every access and refresh token of the grant. Returns how many tokens it revoked. */
  revokeGrant(grantId: string): number {
    let revoked = 0;
    for (const tokens of [this.accessTokens, this.refreshTokens] as Map<string, { grant: Grant }>[]) {
      for (const [token, entry] of tokens) {
        if (entry.grant.id === grantId) {
          tokens.delete(token);
          revoked += 1;
        }
      }
    }

    return revoked;
  }

  /** Current entry counts, for tests of the memory bounds. */
  size(): { codes: number; accessTokens: number; refreshTokens: number } {
    return { codes: this.codes.size, accessTokens: this.accessTokens.size, refreshTokens: this.refreshTokens.size };
  }

  clear(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}

/**
 * Deletes entries from the front of the map (the oldest, since a Map keeps insertion order) while
 * they are stale or the map contains more than `maxEntries`. Entries of one kind share one lifetime, so
 * the oldest expire first. When a test clock moves backwards, purging only starts later.
 */
function purge<Entry>(entries: Map<string, Entry>, isStale: (entry: Entry) => boolean, maxEntries: number): void {
  for (const [key, entry] of entries) {
    if (entries.size <= maxEntries && !isStale(entry)) {
      return;
    }
    entries.delete(key);
  }
}
