import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createState, hashState } from './pkce.ts';

describe('PKCE values', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 to 128 unreserved characters', () => {
    const verifier = createCodeVerifier();

    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  });

  it('makes a new verifier each time', () => {
    expect(createCodeVerifier()).not.toBe(createCodeVerifier());
  });

  it('makes states of 32 random bytes', () => {
    const state = createState();

    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
    expect(state).not.toBe(createState());
  });

  it('hashes a state to 64 hex digits', () => {
    expect(hashState('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
