import { describe, expect, it } from 'vitest';
import type { PreparedRequest } from './prepare.ts';
import { signOAuth1 } from './sign-oauth1.ts';

/**
 * X's worked example from its docs page "Creating a signature" (api.x.com), with its published
 * expected base string. The example signs a form body; its one body parameter is given here as a
 * query parameter, which the base string merges in the same way.
 */
const X_DOCS_VECTOR = {
  method: 'POST',
  origin: 'https://api.x.com',
  path: '/1.1/statuses/update.json',
  query: [
    ['include_entities', 'true'],
    ['status', 'Hello Ladies + Gentlemen, a signed OAuth request!'],
  ] as Array<[string, string]>,
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  accessToken: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
  nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
  timestamp: 1318622958,
  signature: 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=',
  expectedBaseString:
    'POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
};

const CONSUMER_KEY_MASK = '[consumer key …HBog]';
const TOKEN_MASK = '[access token …JAEb]';

function signVector(query = X_DOCS_VECTOR.query) {
  const request: PreparedRequest = {
    method: X_DOCS_VECTOR.method,
    origin: X_DOCS_VECTOR.origin,
    path: X_DOCS_VECTOR.path,
    query,
    url: `${X_DOCS_VECTOR.origin}${X_DOCS_VECTOR.path}`,
    body: null,
  };

  return signOAuth1(
    request,
    {
      consumerKey: X_DOCS_VECTOR.consumerKey,
      consumerSecret: X_DOCS_VECTOR.consumerSecret,
      accessToken: X_DOCS_VECTOR.accessToken,
      tokenSecret: X_DOCS_VECTOR.tokenSecret,
    },
    { nonce: X_DOCS_VECTOR.nonce, timestamp: X_DOCS_VECTOR.timestamp },
  );
}

describe('signature inspector', () => {
  const signed = signVector();
  const { view } = signed;

  it("computes X's published base string", () => {
    expect(signed.baseString).toBe(X_DOCS_VECTOR.expectedBaseString);
  });

  it('signs with the signature of the same vector', () => {
    expect(signed.authorization).toContain(`oauth_signature="${encodeURIComponent(X_DOCS_VECTOR.signature)}"`);
  });

  it('shows the base string with the key and token masked', () => {
    const expected = X_DOCS_VECTOR.expectedBaseString.replace(X_DOCS_VECTOR.consumerKey, CONSUMER_KEY_MASK).replace(X_DOCS_VECTOR.accessToken, TOKEN_MASK);

    expect(view.baseString).toBe(expected);
  });

  it('shows the parameter string with the same masks', () => {
    expect(view.parameterString).toBe(
      `include_entities=true&oauth_consumer_key=${CONSUMER_KEY_MASK}&oauth_nonce=${X_DOCS_VECTOR.nonce}&oauth_signature_method=HMAC-SHA1&oauth_timestamp=1318622958&oauth_token=${TOKEN_MASK}&oauth_version=1.0&status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21`,
    );
  });

  it('lists the collected parameters, query first', () => {
    expect(view.collected.map((parameter) => `${parameter.source}:${parameter.key}`)).toEqual([
      'query:include_entities',
      'query:status',
      'oauth:oauth_consumer_key',
      'oauth:oauth_nonce',
      'oauth:oauth_signature_method',
      'oauth:oauth_timestamp',
      'oauth:oauth_version',
      'oauth:oauth_token',
    ]);
  });

  it('percent-encodes each parameter', () => {
    const status = view.collected.find((parameter) => parameter.key === 'status');

    expect(status).toEqual({
      key: 'status',
      value: 'Hello Ladies + Gentlemen, a signed OAuth request!',
      encodedKey: 'status',
      encodedValue: 'Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
      source: 'query',
      masked: false,
    });
  });

  it('sorts by encoded key', () => {
    expect(view.sorted.map((parameter) => parameter.key)).toEqual([
      'include_entities',
      'oauth_consumer_key',
      'oauth_nonce',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_token',
      'oauth_version',
      'status',
    ]);
  });

  it('sorts a repeated key by encoded value', () => {
    const repeated = signVector([
      ['a', 'z'],
      ['a', 'b c'],
    ]).view;

    expect(repeated.sorted.filter((parameter) => parameter.key === 'a').map((parameter) => parameter.encodedValue)).toEqual(['b%20c', 'z']);
    expect(repeated.parameterString.startsWith('a=b%20c&a=z&')).toBe(true);
  });

  it('masks the key and token in the parameter lists', () => {
    const consumerKey = view.sorted.find((parameter) => parameter.key === 'oauth_consumer_key');

    expect(consumerKey).toMatchObject({ value: CONSUMER_KEY_MASK, encodedValue: CONSUMER_KEY_MASK, masked: true });
    expect(view.consumerKeyHint).toBe('…HBog');
    expect(view.tokenHint).toBe('…JAEb');
  });

  it('shows the signing key only as its shape', () => {
    expect(view.signingKeyShape).toBe('<consumer secret>&<token secret>');
  });

  it('contains no credential, secret or signature', () => {
    const text = JSON.stringify(view);

    for (const value of [X_DOCS_VECTOR.consumerKey, X_DOCS_VECTOR.consumerSecret, X_DOCS_VECTOR.accessToken, X_DOCS_VECTOR.tokenSecret, X_DOCS_VECTOR.signature]) {
      expect(text).not.toContain(value);
    }
    expect(text).not.toContain(encodeURIComponent(X_DOCS_VECTOR.signature));
  });
});
