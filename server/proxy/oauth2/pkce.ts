import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) and state values for the OAuth 2.0 Authorization Code flow. Every value comes
 * from the CSPRNG and is base64url, which uses only characters that RFC 7636 allows in a verifier.
 */

/** 64 random bytes give an 86-character verifier, inside RFC 7636's 43 to 128 characters. */
const VERIFIER_BYTES = 64;
const STATE_BYTES = 32;

export function createCodeVerifier(): string {
  return randomBytes(VERIFIER_BYTES).toString('base64url');
}

/** Returns the S256 code challenge of a verifier: base64url(SHA-256(verifier)) without padding. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createState(): string {
  return randomBytes(STATE_BYTES).toString('base64url');
}

/** Returns the SHA-256 of a state value, which is what the database stores to find it again. */
export function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}
