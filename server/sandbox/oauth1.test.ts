import { describe, expect, it } from 'vitest';

import {
  buildBaseString,
  buildBaseUrl,
  collectParameters,
  computeSignature,
  parseAuthorizationHeader,
} from './oauth1.ts';
import type { Parameter } from './percent-encoding.ts';
import { SIGNATURE_VECTORS, splitVectorUrl, type SignatureVector } from './test-vectors.ts';

function vectorBaseString(vector: SignatureVector): string {
  const { scheme, host, path, rawQuery } = splitVectorUrl(vector.url);
  const headerParameters: Parameter[] = Object.entries(vector.oauthParams);
  const parameters = collectParameters(rawQuery, vector.body, headerParameters);

  return buildBaseString(vector.method, buildBaseUrl(scheme, host, path), parameters);
}

describe('buildBaseString', () => {
  it.each(SIGNATURE_VECTORS)('matches the vector $name', (vector) => {
    expect(vectorBaseString(vector)).toBe(vector.expectedBaseString);
  });
});

describe('computeSignature', () => {
  it.each(SIGNATURE_VECTORS)('matches the vector $name', (vector) => {
    const signature = computeSignature(vector.expectedBaseString, vector.consumerSecret, vector.tokenSecret);

    expect(signature).toBe(vector.expectedSignature);
  });
});

describe('buildBaseUrl', () => {
  it('lower-cases scheme and host and keeps the path case', () => {
    expect(buildBaseUrl('HTTP', 'LocalHost:8080', '/2/Users')).toBe('http://localhost:8080/2/Users');
  });

  it('drops the default port of the scheme only', () => {
    expect(buildBaseUrl('http', 'example.com:80', '/a')).toBe('http://example.com/a');
    expect(buildBaseUrl('https', 'example.com:443', '/a')).toBe('https://example.com/a');
    expect(buildBaseUrl('http', 'example.com:443', '/a')).toBe('http://example.com:443/a');
  });

  it('keeps an IPv6 host with its port', () => {
    expect(buildBaseUrl('http', '[::1]:4010', '/2/users/me')).toBe('http://[::1]:4010/2/users/me');
  });
});

describe('collectParameters', () => {
  it('leaves out oauth_signature from every source', () => {
    const parameters = collectParameters('oauth_signature=q&a=1', null, [
      ['oauth_nonce', 'n'],
      ['oauth_signature', 'h'],
    ]);

    expect(parameters).toEqual([
      ['a', '1'],
      ['oauth_nonce', 'n'],
    ]);
  });
});

const VALID_HEADER =
  'OAuth oauth_consumer_key="key", oauth_nonce="n%20once", oauth_signature="abc%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1700000000", oauth_token="123-tok", oauth_version="1.0"';

describe('parseAuthorizationHeader', () => {
  it('decodes names and values', () => {
    const result = parseAuthorizationHeader(VALID_HEADER);

    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.header.nonce).toBe('n once');
    expect(result.header.signature).toBe('abc=');
    expect(result.header.token).toBe('123-tok');
    expect(result.header.version).toBe('1.0');
  });

  it('ignores realm and accepts a lower-case scheme', () => {
    const result = parseAuthorizationHeader(VALID_HEADER.replace('OAuth ', 'oauth realm="X", '));

    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.header.parameters.map(([name]) => name)).not.toContain('realm');
    }
  });

  it('accepts a missing oauth_version', () => {
    const result = parseAuthorizationHeader(VALID_HEADER.replace(', oauth_version="1.0"', ''));

    expect(result.ok).toBe(true);
  });

  it.each([
    [undefined, 'missing_authorization'],
    ['', 'missing_authorization'],
    ['Basic dXNlcjpwYXNz', 'unsupported_scheme'],
    ['OAuth oauth_consumer_key=key', 'malformed_authorization'],
    ['OAuth oauth_consumer_key="key" oauth_nonce="n"', 'malformed_authorization'],
    [VALID_HEADER + ',', 'malformed_authorization'],
    [VALID_HEADER.replace('n%20once', 'n%2'), 'malformed_authorization'],
    [VALID_HEADER + ', oauth_nonce="again"', 'duplicate_oauth_parameter'],
    [VALID_HEADER.replace('oauth_token="123-tok", ', ''), 'missing_oauth_parameter'],
    [VALID_HEADER.replace('oauth_signature="abc%3D", ', ''), 'missing_oauth_parameter'],
    [VALID_HEADER.replace('HMAC-SHA1', 'PLAINTEXT'), 'unsupported_signature_method'],
    [VALID_HEADER.replace('oauth_version="1.0"', 'oauth_version="2.0"'), 'unsupported_oauth_version'],
  ])('rejects %j as %s', (header, reason) => {
    const result = parseAuthorizationHeader(header);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
    }
  });

  it('names every missing parameter', () => {
    const result = parseAuthorizationHeader('OAuth oauth_consumer_key="key"');

    expect(result).toMatchObject({
      ok: false,
      message:
        'The Authorization header is missing oauth_token, oauth_signature_method, oauth_timestamp, oauth_nonce, oauth_signature.',
    });
  });
});
