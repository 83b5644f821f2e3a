import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { PreparedRequest } from './prepare.ts';

/**
 * Signs a prepared request with OAuth 1.0a HMAC-SHA1 through the `oauth-1.0a` package (2.2.6),
 * working around its known traps:
 * - it defaults to PLAINTEXT, which would put the consumer secret in the header, so HMAC-SHA1 and
 *   a hash function are always passed at the top level of the options;
 * - it signs whatever is in `request.data`, so a JSON body is never passed (X rejects a signed JSON body);
 * - its URL parser mishandles `+`, encoded keys, a second `=`, a stray `%`, default ports and
 *   fragments, so it gets the bare base URL and the query pairs already decoded in `data`;
 * - its nonce comes from Math.random, so the nonce is replaced with 32 random bytes from the CSPRNG.
 */

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  tokenSecret: string;
}

export interface OAuth1Signature {
  /** The Authorization header value to send. */
  authorization: string;
  /** The same header with the consumer key, token and signature replaced by "[redacted]". */
  redactedAuthorization: string;
}

export interface SignOptions {
  /** Unix time in seconds; defaults to the local clock. */
  timestamp?: number;
  nonce?: string;
}

export function signOAuth1(request: PreparedRequest, credentials: OAuth1Credentials, options: SignOptions = {}): OAuth1Signature {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: 'HMAC-SHA1',
    hash_function: (baseString, key) => createHmac('sha1', key).update(baseString).digest('base64'),
  });
  const nonce = options.nonce ?? randomBytes(32).toString('hex');
  oauth.getNonce = () => nonce;
  if (options.timestamp !== undefined) {
    const timestamp = options.timestamp;
    oauth.getTimeStamp = () => timestamp;
  }

  const data: Record<string, string | string[]> = {};
  for (const [key, value] of request.query) {
    const previous = data[key];
    data[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const oauthData = oauth.authorize(
    { url: `${request.origin}${request.path}`, method: request.method, data },
    { key: credentials.accessToken, secret: credentials.tokenSecret },
  );

  const authorization = oauth.toHeader(oauthData).Authorization;
  const redacted = oauth.toHeader({
    ...oauthData,
    oauth_consumer_key: '[redacted]',
    oauth_token: '[redacted]',
    oauth_signature: '[redacted]',
  }).Authorization;

  return { authorization, redactedAuthorization: redacted.replaceAll('%5Bredacted%5D', '[redacted]') };
}
