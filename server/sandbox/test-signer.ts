/**
 * A small RFC 5849 HMAC-SHA1 signer for tests. It is written separately from oauth1.ts, on
 * encodeURIComponent and URLSearchParams, so that a bug in the sandbox's own encoding cannot hide
 * by appearing on both sides.
 */
import { createHmac } from 'node:crypto';

export interface SigningCredentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

export interface SigningInput {
  method: string;
  /** Full URL as sent, such as http://127.0.0.1:4000/2/users/me?user.fields=id */
  url: string;
  credentials: SigningCredentials;
  timestampSeconds: number;
  nonce: string;
  /** Raw application/x-www-form-urlencoded body; leave undefined for JSON or no body. */
  formBody?: string;
  /** Extra oauth_* parameters to send, such as oauth_version. */
  extraOAuthParameters?: Record<string, string>;
}

export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signatureBaseString(input: SigningInput, oauthParameters: Record<string, string>): string {
  const url = new URL(input.url);
  const pairs: [string, string][] = [...url.searchParams];
  if (input.formBody !== undefined) {
    pairs.push(...new URLSearchParams(input.formBody));
  }
  pairs.push(...Object.entries(oauthParameters));

  const normalized = pairs
    .map(([name, value]) => [rfc3986Encode(name), rfc3986Encode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;

  return `${input.method.toUpperCase()}&${rfc3986Encode(baseUrl)}&${rfc3986Encode(normalized)}`;
}

function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}

/** Returns the Authorization header value for the request. */
export function buildAuthorizationHeader(input: SigningInput): string {
  const oauthParameters: Record<string, string> = {
    oauth_consumer_key: input.credentials.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(input.timestampSeconds),
    oauth_token: input.credentials.token,
    oauth_version: '1.0',
    ...input.extraOAuthParameters,
  };
  const key = `${rfc3986Encode(input.credentials.consumerSecret)}&${rfc3986Encode(input.credentials.tokenSecret)}`;
  const signature = createHmac('sha1', key).update(signatureBaseString(input, oauthParameters)).digest('base64');

  const header = Object.entries({ ...oauthParameters, oauth_signature: signature })
    .map(([name, value]) => `${rfc3986Encode(name)}="${rfc3986Encode(value)}"`)
    .join(', ');

  return `OAuth ${header}`;
}
