/**
 * Names of the environment variables that hold credentials. No zod here, so the browser bundle can
 * import it without the schema library.
 */

/** Variables that hold credentials: write-only, encrypted at rest, never sent back to the browser. */
export const SECRET_VARIABLE_KEYS = [
  'consumer_key',
  'consumer_secret',
  'access_token',
  'token_secret',
  'bearer_token',
  'client_secret',
] as const;

/** The OAuth 1.0a credentials that the signer reads from an environment. */
export const OAUTH1_VARIABLE_KEYS = ['consumer_key', 'consumer_secret', 'access_token', 'token_secret'] as const;

export function isSecretVariableKey(key: string): boolean {
  return (SECRET_VARIABLE_KEYS as readonly string[]).includes(key);
}
