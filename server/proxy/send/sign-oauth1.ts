import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { SignatureView } from '../../../shared/api.ts';
import type { PreparedRequest } from './prepare.ts';
import { buildSignatureSteps } from './signature-view.ts';

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
  /** The signature base string with the consumer key and token in clear: server-side only. */
  baseString: string;
  /** The signature inspector's steps, with the consumer key and token masked, for the page. */
  view: SignatureView;
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
  const signedRequest = { url: `${request.origin}${request.path}`, method: request.method, data };
  const oauthData = oauth.authorize(signedRequest, { key: credentials.accessToken, secret: credentials.tokenSecret });

  const authorization = oauth.toHeader(oauthData).Authorization;
  const redacted = oauth.toHeader({
    ...oauthData,
    oauth_consumer_key: '[redacted]',
    oauth_token: '[redacted]',
    oauth_signature: '[redacted]',
  }).Authorization;

  const redactedAuthorization = redacted.replaceAll('%5Bredacted%5D', '[redacted]');
  const steps = buildSignatureSteps({
    oauth,
    request: signedRequest,
    oauthData: protocolParameters(oauthData),
    consumerKey: credentials.consumerKey,
    accessToken: credentials.accessToken,
    redactedAuthorization,
  });
  // The steps rebuild the base string with the package's own functions. A different signature from
  // it would mean that the view no longer shows what was signed.
  if (oauth.hash_function(steps.baseString, oauth.getSigningKey(credentials.tokenSecret)) !== oauthData.oauth_signature) {
    throw new Error('signOAuth1: the signature inspector rebuilt a different base string than the one signed');
  }

  return { authorization, redactedAuthorization, baseString: steps.baseString, view: steps.view };
}

/**
 * Returns the oauth_* parameters that were signed, without oauth_signature. The package's
 * mergeObject also writes the query parameters into the object that authorize() returns, so only
 * the protocol parameters are copied, in the order authorize() adds them.
 */
function protocolParameters(oauthData: OAuth.Authorization): OAuth.Data {
  return {
    oauth_consumer_key: oauthData.oauth_consumer_key,
    oauth_nonce: oauthData.oauth_nonce,
    oauth_signature_method: oauthData.oauth_signature_method,
    oauth_timestamp: oauthData.oauth_timestamp,
    oauth_version: oauthData.oauth_version,
    ...(oauthData.oauth_token === undefined ? {} : { oauth_token: oauthData.oauth_token }),
  };
}
