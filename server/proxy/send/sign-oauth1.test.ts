import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PreparedRequest } from './prepare.ts';
import { signOAuth1 } from './sign-oauth1.ts';

/**
 * Published OAuth 1.0a vectors that fit a header-signed request with a token and oauth_version.
 * Where a vector signs a form body, its body parameters are given here as query parameters: the
 * signature base string merges both sources the same way, so the expected signature is unchanged.
 */
const vectors = [
  {
    name: 'X docs, Creating a signature (api.x.com)',
    method: 'POST',
    origin: 'https://api.x.com',
    path: '/1.1/statuses/update.json',
    query: [
      ['include_entities', 'true'],
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
    ],
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    accessToken: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    timestamp: 1318622958,
    signature: 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=',
  },
  {
    name: 'X docs, Creating a signature (api.twitter.com)',
    method: 'POST',
    origin: 'https://api.twitter.com',
    path: '/1.1/statuses/update.json',
    query: [
      ['include_entities', 'true'],
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
    ],
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    accessToken: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    timestamp: 1318622958,
    signature: 'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
  },
  {
    name: 'X docs, Authorizing a request (api.twitter.com/1)',
    method: 'POST',
    origin: 'https://api.twitter.com',
    path: '/1/statuses/update.json',
    query: [
      ['include_entities', 'true'],
      ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
    ],
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    accessToken: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    timestamp: 1318622958,
    signature: 'tnnArxj06cWHq44gCs1OSKk/jLY=',
  },
  {
    name: 'old dev.twitter.com pages, non-ASCII status',
    method: 'POST',
    origin: 'http://api.twitter.com',
    path: '/1/statuses/update.json',
    query: [['status', 'setting up my twitter 私のさえずりを設定する']],
    consumerKey: 'GDdmIQH6jhtmLUypg82g',
    consumerSecret: 'MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98',
    accessToken: '819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw',
    tokenSecret: 'J6zix3FfA9LofH0awS24M3HcBYXO5nI1iYe8EfBA',
    nonce: 'oElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y',
    timestamp: 1272325550,
    signature: 'yOahq5m0YjDDjfjxHaXEsW9D+X0=',
  },
  {
    name: 'Postman issue 8879, pre-encoded comma in the query',
    method: 'GET',
    origin: 'http://localhost:4567',
    path: '/fun',
    query: [['foo', 'first,second']],
    consumerKey: 'a',
    consumerSecret: 'b',
    accessToken: '123',
    tokenSecret: 'abc',
    nonce: '3',
    timestamp: 123,
    signature: 'cdQQuXon1opN/3wj5APnIF5NAMg=',
  },
] as const;

function preparedRequest(overrides: Partial<PreparedRequest> = {}): PreparedRequest {
  return {
    method: 'POST',
    origin: 'http://127.0.0.1:4001',
    path: '/2/users/1588987262754234368/following',
    query: [],
    url: 'http://127.0.0.1:4001/2/users/1588987262754234368/following',
    body: '{"target_user_id":"2244994945"}',
    ...overrides,
  };
}

const credentials = {
  consumerKey: 'consumerKEY123',
  consumerSecret: 'consumerSECRETvalue456',
  accessToken: '1588987262754234368-accessTOKEN789',
  tokenSecret: 'tokenSECRETvalue012',
};

function headerParameter(authorization: string, name: string): string | undefined {
  const match = new RegExp(`${name}="([^"]*)"`).exec(authorization);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

describe('signOAuth1', () => {
  describe.each(vectors)('with the vector "$name"', (vector) => {
    it('produces the published signature', () => {
      const request = preparedRequest({
        method: vector.method,
        origin: vector.origin,
        path: vector.path,
        query: vector.query.map(([key, value]) => [key, value] as [string, string]),
        body: null,
      });

      const { authorization } = signOAuth1(request, vector, { nonce: vector.nonce, timestamp: vector.timestamp });

      expect(headerParameter(authorization, 'oauth_signature')).toBe(vector.signature);
    });
  });

  describe('with a JSON body', () => {
    it('leaves the body out of the signature', () => {
      const options = { nonce: 'fixednonce', timestamp: 1700000000 };

      const withBody = signOAuth1(preparedRequest(), credentials, options);
      const withoutBody = signOAuth1(preparedRequest({ body: null }), credentials, options);

      expect(withBody.authorization).toBe(withoutBody.authorization);
    });

    it('matches an HMAC-SHA1 over the base string without the body', () => {
      const { authorization } = signOAuth1(preparedRequest(), credentials, { nonce: 'n1', timestamp: 1700000000 });
      const parameters =
        `oauth_consumer_key=${credentials.consumerKey}&oauth_nonce=n1&oauth_signature_method=HMAC-SHA1` +
        `&oauth_timestamp=1700000000&oauth_token=${credentials.accessToken}&oauth_version=1.0`;
      const baseString = `POST&${encodeURIComponent('http://127.0.0.1:4001/2/users/1588987262754234368/following')}&${encodeURIComponent(parameters)}`;
      const expected = createHmac('sha1', `${credentials.consumerSecret}&${credentials.tokenSecret}`).update(baseString).digest('base64');

      expect(headerParameter(authorization, 'oauth_signature')).toBe(expected);
    });
  });

  describe('header', () => {
    it('uses HMAC-SHA1 and never contains a secret', () => {
      const { authorization } = signOAuth1(preparedRequest(), credentials);

      expect(authorization).toMatch(/^OAuth /);
      expect(headerParameter(authorization, 'oauth_signature_method')).toBe('HMAC-SHA1');
      expect(headerParameter(authorization, 'oauth_version')).toBe('1.0');
      expect(authorization).not.toContain(credentials.consumerSecret);
      expect(authorization).not.toContain(credentials.tokenSecret);
    });

    it('uses a fresh 64-hex-digit nonce each time', () => {
      const first = headerParameter(signOAuth1(preparedRequest(), credentials).authorization, 'oauth_nonce');
      const second = headerParameter(signOAuth1(preparedRequest(), credentials).authorization, 'oauth_nonce');

      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).not.toBe(first);
    });

    it('redacts the key, token and signature in the copy for display', () => {
      const { redactedAuthorization } = signOAuth1(preparedRequest(), credentials, { nonce: 'n2', timestamp: 1700000000 });

      expect(redactedAuthorization).toBe(
        'OAuth oauth_consumer_key="[redacted]", oauth_nonce="n2", oauth_signature="[redacted]", ' +
          'oauth_signature_method="HMAC-SHA1", oauth_timestamp="1700000000", oauth_token="[redacted]", oauth_version="1.0"',
      );
    });
  });
});
