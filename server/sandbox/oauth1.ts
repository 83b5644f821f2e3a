/**
 * The pure steps of OAuth 1.0a HMAC-SHA1 signing as RFC 5849 defines them (sections 3.4 and 3.5.1),
 * shared by the sandbox's verifier and by anything that explains a signature.
 */
import { createHmac } from 'node:crypto';

import { parseFormEncoded, percentDecode, percentEncode, PercentDecodingError, type Parameter } from './percent-encoding.ts';

/** Short codes for why a request failed OAuth 1.0a checks; sent in the `x-sandbox-auth-error` header. */
export type OAuth1FailureReason =
  | 'missing_authorization'
  | 'unsupported_scheme'
  | 'malformed_authorization'
  | 'duplicate_oauth_parameter'
  | 'missing_oauth_parameter'
  | 'unsupported_signature_method'
  | 'unsupported_oauth_version'
  | 'invalid_timestamp'
  | 'timestamp_out_of_window'
  | 'invalid_percent_encoding'
  | 'unknown_consumer_key'
  | 'unknown_token'
  | 'token_consumer_mismatch'
  | 'signature_mismatch'
  | 'nonce_reused';

export interface OAuth1Failure {
  ok: false;
  reason: OAuth1FailureReason;
  /** Explanation for logs and learners. It never contains a secret or a signature. */
  message: string;
}

/** The protocol parameters of a valid `Authorization: OAuth …` header, decoded. */
export interface OAuth1Header {
  consumerKey: string;
  token: string;
  signatureMethod: 'HMAC-SHA1';
  timestamp: string;
  nonce: string;
  signature: string;
  version: '1.0' | undefined;
  /** Every `oauth_*` parameter of the header in order, `oauth_signature` included and `realm` left out. */
  parameters: Parameter[];
}

const REQUIRED_PARAMETERS = [
  'oauth_consumer_key',
  'oauth_token',
  'oauth_signature_method',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_signature',
] as const;

const SCHEME = /^OAuth(?:[ \t]+|$)/i;
const HEADER_PARAMETER = /[ \t]*([^\s=,"]+)[ \t]*=[ \t]*"([^"]*)"[ \t]*/y;
const LIST_SEPARATOR = /,[ \t]*/y;

function failure(reason: OAuth1FailureReason, message: string): OAuth1Failure {
  return { ok: false, reason, message };
}

/**
 * Parses `Authorization: OAuth k="v", …` and checks the protocol parameters: names and values are
 * percent-decoded, a repeated name is rejected, the six parameters that X requires must be present,
 * the method must be HMAC-SHA1 and `oauth_version`, when given, must be "1.0". Names that do not
 * start with `oauth_` are ignored, `realm` included.
 */
export function parseAuthorizationHeader(header: string | undefined): { ok: true; header: OAuth1Header } | OAuth1Failure {
  if (header === undefined || header.trim() === '') {
    return failure('missing_authorization', 'The request has no Authorization header.');
  }
  const scheme = SCHEME.exec(header);
  if (!scheme) {
    const receivedScheme = header.trim().split(/\s/, 1)[0] ?? '';
    return failure('unsupported_scheme', `The Authorization header must use the OAuth scheme; got "${receivedScheme}".`);
  }

  const decoded = decodeHeaderParameters(header, scheme[0].length);
  if (!decoded.ok) {
    return decoded;
  }

  const values = new Map<string, string>();
  for (const [name, value] of decoded.parameters) {
    if (values.has(name)) {
      return failure('duplicate_oauth_parameter', `The Authorization header contains ${name} more than once.`);
    }
    values.set(name, value);
  }

  const missing = REQUIRED_PARAMETERS.filter((name) => !values.has(name));
  if (missing.length > 0) {
    return failure('missing_oauth_parameter', `The Authorization header is missing ${missing.join(', ')}.`);
  }
  const signatureMethod = values.get('oauth_signature_method');
  if (signatureMethod !== 'HMAC-SHA1') {
    return failure(
      'unsupported_signature_method',
      `oauth_signature_method must be HMAC-SHA1; got ${JSON.stringify(signatureMethod)}.`,
    );
  }
  const version = values.get('oauth_version');
  if (version !== undefined && version !== '1.0') {
    return failure('unsupported_oauth_version', `oauth_version must be 1.0 when present; got ${JSON.stringify(version)}.`);
  }

  return {
    ok: true,
    header: {
      consumerKey: values.get('oauth_consumer_key')!,
      token: values.get('oauth_token')!,
      signatureMethod,
      timestamp: values.get('oauth_timestamp')!,
      nonce: values.get('oauth_nonce')!,
      signature: values.get('oauth_signature')!,
      version,
      parameters: decoded.parameters.filter(([name]) => name.startsWith('oauth_')),
    },
  };
}

/** Reads the comma-separated `name="value"` list that follows the scheme and percent-decodes it. */
function decodeHeaderParameters(header: string, start: number): { ok: true; parameters: Parameter[] } | OAuth1Failure {
  const parameters: Parameter[] = [];
  let position = start;

  while (position < header.length) {
    HEADER_PARAMETER.lastIndex = position;
    const match = HEADER_PARAMETER.exec(header);
    if (!match) {
      return failure(
        'malformed_authorization',
        `The Authorization header is not a list of name="value" pairs at character ${position + 1}.`,
      );
    }
    position = HEADER_PARAMETER.lastIndex;

    try {
      parameters.push([percentDecode(match[1]!), percentDecode(match[2]!)]);
    } catch (error) {
      if (!(error instanceof PercentDecodingError)) {
        throw error;
      }
      return failure('malformed_authorization', `The Authorization header parameter ${match[1]} has invalid percent-encoding.`);
    }

    if (position === header.length) {
      break;
    }
    LIST_SEPARATOR.lastIndex = position;
    if (!LIST_SEPARATOR.test(header) || LIST_SEPARATOR.lastIndex === header.length) {
      return failure('malformed_authorization', `The Authorization header needs ", " between parameters at character ${position + 1}.`);
    }
    position = LIST_SEPARATOR.lastIndex;
  }

  return { ok: true, parameters };
}

/**
 * Collects the parameters that enter the signature (RFC 5849 section 3.4.1.3): the query string and
 * the form body, both parsed as form data, and the header's `oauth_*` parameters. `oauth_signature`
 * is left out wherever it appears. Pass `formBody` only for `application/x-www-form-urlencoded`
 * bodies, because JSON bodies are never signed. Throws PercentDecodingError on a malformed escape.
 */
export function collectParameters(rawQuery: string, formBody: string | null, headerParameters: readonly Parameter[]): Parameter[] {
  const parameters = [...parseFormEncoded(rawQuery), ...(formBody === null ? [] : parseFormEncoded(formBody)), ...headerParameters];

  return parameters.filter(([name]) => name !== 'oauth_signature');
}

/** Encodes every name and value, sorts by encoded name then encoded value, and joins them as `k=v&k=v`. */
export function normalizeParameters(parameters: readonly Parameter[]): string {
  const encoded = parameters.map(([name, value]) => [percentEncode(name), percentEncode(value)] as const);
  encoded.sort(([nameA, valueA], [nameB, valueB]) => compareStrings(nameA, nameB) || compareStrings(valueA, valueB));

  return encoded.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Plain code-unit order, which is byte order for the ASCII output of percentEncode. */
function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: ':80', https: ':443' };

/**
 * Builds the base string URI (RFC 5849 section 3.4.1.2): lower-case scheme and host, the port only
 * when it is not the scheme's default (80 for http, 443 for https), then the path as received.
 */
export function buildBaseUrl(scheme: string, host: string, path: string): string {
  const lowerScheme = scheme.toLowerCase();
  let lowerHost = host.toLowerCase();
  const defaultPort = DEFAULT_PORTS[lowerScheme];
  if (defaultPort !== undefined && lowerHost.endsWith(defaultPort)) {
    lowerHost = lowerHost.slice(0, -defaultPort.length);
  }

  return `${lowerScheme}://${lowerHost}${path}`;
}

/** Builds the signature base string `METHOD&enc(baseUrl)&enc(normalized parameters)`. */
export function buildBaseString(method: string, baseUrl: string, parameters: readonly Parameter[]): string {
  return [method.toUpperCase(), percentEncode(baseUrl), percentEncode(normalizeParameters(parameters))].join('&');
}

/** Computes the base64 HMAC-SHA1 of the base string with the key `enc(consumerSecret)&enc(tokenSecret)`. */
export function computeSignature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;

  return createHmac('sha1', key).update(baseString).digest('base64');
}
