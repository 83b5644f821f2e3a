/** PKCE (RFC 7636): the syntax of verifiers and challenges, and the check of a verifier against its challenge. */
import { createHash } from 'node:crypto';

import { equalInConstantTime } from './constant-time.ts';

export const CODE_CHALLENGE_METHODS = ['S256', 'plain'] as const;
export type CodeChallengeMethod = (typeof CODE_CHALLENGE_METHODS)[number];

/** RFC 7636 section 4.1: 43 to 128 characters of `A-Z a-z 0-9 - . _ ~`. */
const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** An S256 challenge is the unpadded base64url of a 32-byte SHA-256 digest: 43 characters. */
const S256_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isCodeChallengeMethod(value: string): value is CodeChallengeMethod {
  return (CODE_CHALLENGE_METHODS as readonly string[]).includes(value);
}

export function isValidCodeVerifier(verifier: string): boolean {
  return CODE_VERIFIER_PATTERN.test(verifier);
}

/** Checks the challenge's syntax. A plain challenge is the verifier itself, so it follows the verifier's rule. */
export function isValidCodeChallenge(challenge: string, method: CodeChallengeMethod): boolean {
  return method === 'S256' ? S256_CHALLENGE_PATTERN.test(challenge) : CODE_VERIFIER_PATTERN.test(challenge);
}

/** Computes BASE64URL(SHA256(ASCII(verifier))) without padding, as RFC 7636 section 4.2 defines S256. */
export function computeS256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Reports whether the verifier matches the challenge, comparing in constant time. */
export function verifyCodeChallenge(method: CodeChallengeMethod, challenge: string, verifier: string): boolean {
  if (!isValidCodeVerifier(verifier)) {
    return false;
  }
  const expected = method === 'S256' ? computeS256Challenge(verifier) : verifier;

  return equalInConstantTime(expected, challenge);
}
