/**
 * How a request authenticates to X, and which user it acts as. Plain types, no zod: the browser
 * bundle imports this file and stays small.
 */

export const AUTH_TYPES = ['oauth1', 'oauth2', 'app-only'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  oauth1: 'OAuth 1.0a User Context',
  oauth2: 'OAuth 2.0 User Context (PKCE)',
  'app-only': 'App-only Bearer',
};

/**
 * Scopes that the workbench requests when none are given: enough to follow, unfollow, list and
 * look up users, plus offline.access so that X issues a refresh token.
 */
export const DEFAULT_OAUTH2_SCOPES = ['tweet.read', 'users.read', 'follows.read', 'follows.write', 'offline.access'] as const;

/** OAuth 2.0 scope names as X writes them, such as "follows.write". */
export const OAUTH2_SCOPE_PATTERN = /^[a-z][a-z0-9_.]{0,63}$/;

/** The variables each auth type reads from the environment. */
export const AUTH_TYPE_VARIABLES: Record<AuthType, readonly string[]> = {
  oauth1: ['consumer_key', 'consumer_secret', 'access_token', 'token_secret'],
  oauth2: ['client_id', 'client_secret'],
  'app-only': ['bearer_token'],
};

export function isAuthType(value: unknown): value is AuthType {
  return typeof value === 'string' && (AUTH_TYPES as readonly string[]).includes(value);
}

export function labelAuthType(authType: AuthType): string {
  return AUTH_TYPE_LABELS[authType];
}

/** Users that an environment's credentials act as, as far as the workbench can tell. */
export interface AuthenticatedUserSource {
  /** User ID from the numeric prefix of the OAuth 1.0a access_token, or null. */
  tokenUserId: string | null;
  /** The user signed in with OAuth 2.0, or null when nobody is. */
  oauth2: { userId: string } | null;
}

/**
 * Returns the ID of the user that requests act as under `authType`: the access token's owner for
 * OAuth 1.0a, the signed-in user for OAuth 2.0, and null for an app-only bearer token, which has no user.
 */
export function authenticatedUserIdFor(source: AuthenticatedUserSource, authType: AuthType): string | null {
  if (authType === 'oauth1') {
    return source.tokenUserId;
  }
  if (authType === 'oauth2') {
    return source.oauth2?.userId ?? null;
  }

  return null;
}

/** Reports whether `requestId` names a request that X accepts only in user context (follow, unfollow, /2/users/me). */
export function requiresUserContext(requestId: string): boolean {
  return requestId === 'follow' || requestId === 'unfollow' || requestId === 'me';
}
