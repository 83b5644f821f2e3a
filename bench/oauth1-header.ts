import { createHmac, randomBytes } from 'node:crypto';

/**
 * A compact OAuth 1.0a HMAC-SHA1 signer (RFC 5849) for the benchmark's own clients and its
 * reference proxy. It is deliberately separate from the product's signer, so that the reference
 * measures the least work a signer must do. JSON bodies are not signed, as X requires.
 */

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  tokenSecret: string;
}

/** Percent-encodes as RFC 3986 requires: only A-Z a-z 0-9 - . _ ~ stay as they are. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}

/** Returns the Authorization header value for one request, with a fresh nonce and the current time. */
export function buildOAuth1Header(method: string, url: string, credentials: OAuth1Credentials): string {
  const target = new URL(url);
  const oauthParameters: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: randomBytes(16).toString('hex'),
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(Math.floor(Date.now() / 1000)),
    oauth_token: credentials.accessToken,
    oauth_version: '1.0',
  };

  const parameterString = [...target.searchParams, ...Object.entries(oauthParameters)]
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([keyA, valueA], [keyB, valueB]) => compareText(keyA, keyB) || compareText(valueA, valueB))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const baseString = `${method.toUpperCase()}&${encode(`${target.origin}${target.pathname}`)}&${encode(parameterString)}`;
  const signingKey = `${encode(credentials.consumerSecret)}&${encode(credentials.tokenSecret)}`;
  oauthParameters.oauth_signature = createHmac('sha1', signingKey).update(baseString).digest('base64');

  const pairs = Object.entries(oauthParameters).map(([key, value]) => `${key}="${encode(value)}"`);

  return `OAuth ${pairs.join(', ')}`;
}
