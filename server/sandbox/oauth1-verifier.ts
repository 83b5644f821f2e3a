/**
 * Verifies OAuth 1.0a (HMAC-SHA1) user-context requests as X does: the signature over method, URL
 * and parameters, the timestamp window and nonce replays.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { NonceCache } from './nonce-cache.ts';
import {
  buildBaseString,
  collectParameters,
  computeSignature,
  parseAuthorizationHeader,
  type OAuth1Failure,
  type OAuth1FailureReason,
} from './oauth1.ts';
import { PercentDecodingError, type Parameter } from './percent-encoding.ts';

/** Maximum difference in seconds between oauth_timestamp and the server clock, in either direction. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** Source of the secrets that the verifier checks signatures with. Both lookups return undefined for an unknown value. */
export interface OAuth1CredentialLookup {
  findConsumerSecret(consumerKey: string): string | undefined;
  findToken(token: string): { secret: string; consumerKey: string } | undefined;
}

/** The parts of an HTTP request that the signature covers. */
export interface SignedRequest {
  method: string;
  /** Scheme, host and path as buildBaseUrl returns them. */
  baseUrl: string;
  /** Raw query string without the `?`, still percent-encoded. */
  rawQuery: string;
  /** Raw body when the content type is application/x-www-form-urlencoded, otherwise null. */
  formBody: string | null;
  authorization: string | undefined;
}

export type OAuth1Verification =
  | { ok: true; consumerKey: string; token: string }
  | OAuth1Failure;

export { type OAuth1FailureReason };

export class OAuth1Verifier {
  private readonly nonces: NonceCache;
  /** Random key for comparing signatures through their HMACs, so both sides have equal length. */
  private readonly comparisonKey = randomBytes(32);

  /**
   * `clockOffsetMs` moves the clock that one app's timestamps are checked against, for the sandbox's
   * Clock skew scenario.
   */
  constructor(
    private readonly credentials: OAuth1CredentialLookup,
    private readonly now: () => number,
    private readonly clockOffsetMs: (consumerKey: string) => number = () => 0,
  ) {
    this.nonces = new NonceCache(now, TIMESTAMP_WINDOW_SECONDS * 1000);
  }

  /**
   * Checks the Authorization header, the timestamp, the credentials and the signature, in that order,
   * and records the nonce only once everything else passed, so a rejected request never uses it up.
   */
  verify(request: SignedRequest): OAuth1Verification {
    this.nonces.purgeExpired();
    const parsed = parseAuthorizationHeader(request.authorization);
    if (!parsed.ok) {
      return parsed;
    }
    const header = parsed.header;

    if (!/^[0-9]{1,12}$/.test(header.timestamp)) {
      return failure('invalid_timestamp', `oauth_timestamp must be Unix time in seconds; got ${JSON.stringify(header.timestamp)}.`);
    }
    const timestamp = Number(header.timestamp);
    const nowSeconds = Math.floor((this.now() + this.clockOffsetMs(header.consumerKey)) / 1000);
    if (Math.abs(nowSeconds - timestamp) > TIMESTAMP_WINDOW_SECONDS) {
      return failure(
        'timestamp_out_of_window',
        `oauth_timestamp ${timestamp} is ${nowSeconds - timestamp} s away from the server time ${nowSeconds}; ` +
          `the limit is ${TIMESTAMP_WINDOW_SECONDS} s. Sync the clock with the Date response header.`,
      );
    }

    const consumerSecret = this.credentials.findConsumerSecret(header.consumerKey);
    if (consumerSecret === undefined) {
      return failure('unknown_consumer_key', 'oauth_consumer_key does not belong to any app.');
    }
    const token = this.credentials.findToken(header.token);
    if (token === undefined) {
      return failure('unknown_token', 'oauth_token is not a known access token.');
    }
    if (token.consumerKey !== header.consumerKey) {
      return failure('token_consumer_mismatch', 'oauth_token was issued to a different app than oauth_consumer_key.');
    }

    let parameters: Parameter[];
    try {
      parameters = collectParameters(request.rawQuery, request.formBody, header.parameters);
    } catch (error) {
      if (!(error instanceof PercentDecodingError)) {
        throw error;
      }
      return failure('invalid_percent_encoding', `The query string or form body has invalid percent-encoding: ${error.message}.`);
    }
    const baseString = buildBaseString(request.method, request.baseUrl, parameters);
    const expected = computeSignature(baseString, consumerSecret, token.secret);
    if (!this.signaturesEqual(expected, header.signature)) {
      return failure('signature_mismatch', 'oauth_signature does not match the signature computed for this request.');
    }

    if (!this.nonces.record(header.consumerKey, header.token, header.nonce, timestamp)) {
      return failure('nonce_reused', 'oauth_nonce was already used with this timestamp. Send a new nonce with every request.');
    }

    return { ok: true, consumerKey: header.consumerKey, token: header.token };
  }

  /** Forgets every recorded nonce. */
  reset(): void {
    this.nonces.clear();
  }

  /** Number of nonces currently remembered. */
  get nonceCount(): number {
    return this.nonces.size;
  }

  private signaturesEqual(expected: string, received: string): boolean {
    const expectedDigest = createHmac('sha256', this.comparisonKey).update(expected).digest();
    const receivedDigest = createHmac('sha256', this.comparisonKey).update(received).digest();

    return timingSafeEqual(expectedDigest, receivedDigest);
  }
}

function failure(reason: OAuth1FailureReason, message: string): OAuth1Failure {
  return { ok: false, reason, message };
}
