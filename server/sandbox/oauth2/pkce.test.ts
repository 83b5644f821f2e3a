import { describe, expect, it } from 'vitest';

import { computeS256Challenge, isValidCodeChallenge, isValidCodeVerifier, verifyCodeChallenge } from './pkce.ts';
import { RFC7636_S256_CHALLENGE, RFC7636_VERIFIER } from './test-oauth2-client.ts';

describe('computeS256Challenge', () => {
  it('matches the RFC 7636 example', () => {
    expect(computeS256Challenge(RFC7636_VERIFIER)).toBe(RFC7636_S256_CHALLENGE);
  });

  it('has no padding', () => {
    expect(computeS256Challenge('x'.repeat(43))).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('verifyCodeChallenge', () => {
  it('accepts the matching S256 verifier', () => {
    expect(verifyCodeChallenge('S256', RFC7636_S256_CHALLENGE, RFC7636_VERIFIER)).toBe(true);
  });

  it('rejects another S256 verifier', () => {
    expect(verifyCodeChallenge('S256', RFC7636_S256_CHALLENGE, `${RFC7636_VERIFIER}A`)).toBe(false);
  });

  it('rejects the challenge sent as verifier', () => {
    expect(verifyCodeChallenge('S256', RFC7636_S256_CHALLENGE, RFC7636_S256_CHALLENGE)).toBe(false);
  });

  it('compares plain challenges exactly', () => {
    expect(verifyCodeChallenge('plain', RFC7636_VERIFIER, RFC7636_VERIFIER)).toBe(true);
    expect(verifyCodeChallenge('plain', RFC7636_VERIFIER, RFC7636_VERIFIER.toUpperCase())).toBe(false);
  });

  it('rejects a malformed verifier', () => {
    expect(verifyCodeChallenge('plain', 'short', 'short')).toBe(false);
  });
});

describe('isValidCodeVerifier', () => {
  it.each([
    ['43 characters', 'a'.repeat(43), true],
    ['128 characters', 'a'.repeat(128), true],
    ['all unreserved characters', `AZaz09-._~${'b'.repeat(33)}`, true],
    ['42 characters', 'a'.repeat(42), false],
    ['129 characters', 'a'.repeat(129), false],
    ['a plus sign', `${'a'.repeat(42)}+`, false],
    ['a space', `${'a'.repeat(42)} `, false],
    ['a non-ASCII letter', `${'a'.repeat(42)}é`, false],
  ])('%s gives %s', (_case, verifier, valid) => {
    expect(isValidCodeVerifier(verifier)).toBe(valid);
  });
});

describe('isValidCodeChallenge', () => {
  it('needs 43 base64url characters for S256', () => {
    expect(isValidCodeChallenge(RFC7636_S256_CHALLENGE, 'S256')).toBe(true);
    expect(isValidCodeChallenge(`${RFC7636_S256_CHALLENGE}=`, 'S256')).toBe(false);
    expect(isValidCodeChallenge(RFC7636_S256_CHALLENGE.replace('-', '+'), 'S256')).toBe(false);
  });

  it('applies the verifier rule to plain', () => {
    expect(isValidCodeChallenge(RFC7636_VERIFIER, 'plain')).toBe(true);
    expect(isValidCodeChallenge('a'.repeat(42), 'plain')).toBe(false);
  });
});
