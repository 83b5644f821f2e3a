import { describe, expect, it } from 'vitest';

import { buildBaseUrl } from './oauth1.ts';
import { OAuth1Verifier, TIMESTAMP_WINDOW_SECONDS, type OAuth1CredentialLookup, type SignedRequest } from './oauth1-verifier.ts';
import { percentEncode } from './percent-encoding.ts';
import { SIGNATURE_VECTORS, splitVectorUrl, type SignatureVector } from './test-vectors.ts';

const VECTORS_WITH_TOKEN = SIGNATURE_VECTORS.filter((vector) => vector.token !== null);

function lookupFor(vector: SignatureVector): OAuth1CredentialLookup {
  return {
    findConsumerSecret: (key) => (key === vector.consumerKey ? vector.consumerSecret : undefined),
    findToken: (token) => (token === vector.token ? { secret: vector.tokenSecret, consumerKey: vector.consumerKey } : undefined),
  };
}

function authorizationFor(vector: SignatureVector, signature = vector.expectedSignature): string {
  const parameters = { ...vector.oauthParams, oauth_signature: signature };

  return 'OAuth ' + Object.entries(parameters).map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`).join(', ');
}

function requestFor(vector: SignatureVector): SignedRequest {
  const { scheme, host, path, rawQuery } = splitVectorUrl(vector.url);

  return {
    method: vector.method,
    baseUrl: buildBaseUrl(scheme, host, path),
    rawQuery,
    formBody: vector.body,
    authorization: authorizationFor(vector),
  };
}

/** Creates a verifier whose clock is set to the vector's timestamp plus `offsetSeconds`. */
function verifierAt(vector: SignatureVector, offsetSeconds = 0): { verifier: OAuth1Verifier; clock: { nowMs: number } } {
  const clock = { nowMs: (Number(vector.oauthParams.oauth_timestamp) + offsetSeconds) * 1000 };

  return { verifier: new OAuth1Verifier(lookupFor(vector), () => clock.nowMs), clock };
}

function reasonOf(result: ReturnType<OAuth1Verifier['verify']>): string {
  return result.ok ? 'ok' : result.reason;
}

describe('OAuth1Verifier', () => {
  it('has vectors with a token to check', () => {
    expect(VECTORS_WITH_TOKEN.length).toBeGreaterThanOrEqual(8);
  });

  it.each(VECTORS_WITH_TOKEN)('accepts the vector $name', (vector) => {
    const { verifier } = verifierAt(vector);

    expect(verifier.verify(requestFor(vector))).toEqual({ ok: true, consumerKey: vector.consumerKey, token: vector.token });
  });

  it.each(VECTORS_WITH_TOKEN)('rejects a changed signature for $name', (vector) => {
    const { verifier } = verifierAt(vector);
    const changed = vector.expectedSignature.startsWith('A') ? 'B' + vector.expectedSignature.slice(1) : 'A' + vector.expectedSignature.slice(1);

    expect(reasonOf(verifier.verify({ ...requestFor(vector), authorization: authorizationFor(vector, changed) }))).toBe('signature_mismatch');
  });

  it.each(VECTORS_WITH_TOKEN)('rejects a changed host for $name', (vector) => {
    const { verifier } = verifierAt(vector);
    const request = requestFor(vector);

    expect(reasonOf(verifier.verify({ ...request, baseUrl: request.baseUrl.replace('://', '://evil.') }))).toBe('signature_mismatch');
  });

  it.each(VECTORS_WITH_TOKEN)('rejects a changed path for $name', (vector) => {
    const { verifier } = verifierAt(vector);
    const request = requestFor(vector);

    expect(reasonOf(verifier.verify({ ...request, baseUrl: `${request.baseUrl}x` }))).toBe('signature_mismatch');
  });

  it.each(VECTORS_WITH_TOKEN)('rejects an added query value for $name', (vector) => {
    const { verifier } = verifierAt(vector);
    const request = requestFor(vector);
    const rawQuery = request.rawQuery === '' ? 'extra=1' : `${request.rawQuery}&extra=1`;

    expect(reasonOf(verifier.verify({ ...request, rawQuery }))).toBe('signature_mismatch');
  });

  it('rejects a changed query value', () => {
    const vector = VECTORS_WITH_TOKEN.find((candidate) => candidate.name === 'rfc5849-1.2-photos')!;
    const { verifier } = verifierAt(vector);
    const request = requestFor(vector);

    expect(reasonOf(verifier.verify({ ...request, rawQuery: request.rawQuery.replace('original', 'Original') }))).toBe(
      'signature_mismatch',
    );
  });

  it('rejects a changed method', () => {
    const vector = VECTORS_WITH_TOKEN.find((candidate) => candidate.name === 'rfc5849-1.2-photos')!;
    const { verifier } = verifierAt(vector);

    expect(reasonOf(verifier.verify({ ...requestFor(vector), method: 'POST' }))).toBe('signature_mismatch');
  });

  it('rejects a changed form body', () => {
    const vector = VECTORS_WITH_TOKEN.find((candidate) => candidate.name === 'x-docs-creating-a-signature-api.x.com')!;
    const { verifier } = verifierAt(vector);

    expect(reasonOf(verifier.verify({ ...requestFor(vector), formBody: 'status=Hello' }))).toBe('signature_mismatch');
  });

  it('accepts timestamps at the edges of the window', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;

    expect(reasonOf(verifierAt(vector, TIMESTAMP_WINDOW_SECONDS).verifier.verify(requestFor(vector)))).toBe('ok');
    expect(reasonOf(verifierAt(vector, -TIMESTAMP_WINDOW_SECONDS).verifier.verify(requestFor(vector)))).toBe('ok');
  });

  it('rejects a stale or future timestamp', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;

    expect(reasonOf(verifierAt(vector, TIMESTAMP_WINDOW_SECONDS + 1).verifier.verify(requestFor(vector)))).toBe(
      'timestamp_out_of_window',
    );
    expect(reasonOf(verifierAt(vector, -TIMESTAMP_WINDOW_SECONDS - 1).verifier.verify(requestFor(vector)))).toBe(
      'timestamp_out_of_window',
    );
  });

  it('rejects a replayed nonce', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;
    const { verifier } = verifierAt(vector);

    expect(reasonOf(verifier.verify(requestFor(vector)))).toBe('ok');
    expect(reasonOf(verifier.verify(requestFor(vector)))).toBe('nonce_reused');
  });

  it('does not use up the nonce of a rejected request', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;
    const { verifier } = verifierAt(vector);

    expect(reasonOf(verifier.verify({ ...requestFor(vector), method: 'PUT' }))).toBe('signature_mismatch');
    expect(reasonOf(verifier.verify(requestFor(vector)))).toBe('ok');
  });

  it('forgets nonces once their timestamp left the window', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;
    const { verifier, clock } = verifierAt(vector);
    verifier.verify(requestFor(vector));
    expect(verifier.nonceCount).toBe(1);

    clock.nowMs += (TIMESTAMP_WINDOW_SECONDS + 60) * 1000;
    verifier.verify(requestFor(vector));

    expect(verifier.nonceCount).toBe(0);
  });

  it('rejects unknown credentials and a token of another app', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;
    const { verifier } = verifierAt(vector);
    const otherApp = new OAuth1Verifier(
      {
        findConsumerSecret: () => vector.consumerSecret,
        findToken: () => ({ secret: vector.tokenSecret, consumerKey: 'another-app' }),
      },
      () => Number(vector.oauthParams.oauth_timestamp) * 1000,
    );
    const request = requestFor(vector);

    expect(reasonOf(verifier.verify({ ...request, authorization: request.authorization!.replace(vector.consumerKey, 'nobody') }))).toBe(
      'unknown_consumer_key',
    );
    expect(reasonOf(verifier.verify({ ...request, authorization: request.authorization!.replace('GmHx', 'XXXX') }))).toBe(
      'unknown_token',
    );
    expect(reasonOf(otherApp.verify(request))).toBe('token_consumer_mismatch');
  });

  it('rejects a non-numeric timestamp and a bad query escape', () => {
    const vector = VECTORS_WITH_TOKEN[0]!;
    const { verifier } = verifierAt(vector);
    const request = requestFor(vector);

    expect(reasonOf(verifier.verify({ ...request, authorization: request.authorization!.replace('1318622958', '13186e2958') }))).toBe(
      'invalid_timestamp',
    );
    expect(reasonOf(verifier.verify({ ...request, rawQuery: 'a=%zz' }))).toBe('invalid_percent_encoding');
  });
});
