import type OAuth from 'oauth-1.0a';
import type { SignatureParameter, SignatureView } from '../../../shared/api.ts';
import { secretHint } from '../../crypto/secret-box.ts';

/**
 * Builds the signature inspector's view from the very `oauth-1.0a` instance, request and oauth_*
 * data that produced the signature, so that the view cannot drift from what was signed. The
 * consumer key and access token count as secrets in the workbench, so every step shows them as
 * masks with their last characters, and the secrets themselves never enter the view.
 */

export const SIGNING_KEY_SHAPE = '<consumer secret>&<token secret>';

export interface SignatureInputs {
  oauth: OAuth;
  request: OAuth.RequestOptions & { data: Record<string, string | string[]> };
  /** The oauth_* parameters that were signed, without oauth_signature. */
  oauthData: OAuth.Data;
  consumerKey: string;
  accessToken: string;
  redactedAuthorization: string;
}

export interface SignatureSteps {
  /** The real base string, with the consumer key and token in clear. Server-side only: never sent to the page. */
  baseString: string;
  view: SignatureView;
}

export function buildSignatureSteps(inputs: SignatureInputs): SignatureSteps {
  const { oauth, request } = inputs;
  const oauthData = toStrings(inputs.oauthData);
  const consumerKeyHint = secretHint(inputs.consumerKey);
  const tokenHint = secretHint(inputs.accessToken);
  const masks: Record<string, string> = {
    oauth_consumer_key: consumerKeyHint === null ? '[consumer key]' : `[consumer key ${consumerKeyHint}]`,
    oauth_token: tokenHint === null ? '[access token]' : `[access token ${tokenHint}]`,
  };

  const parameterString = oauth.getParameterString(request, inputs.oauthData);
  const baseString = oauth.getBaseString(request, inputs.oauthData);

  return {
    baseString,
    view: {
      method: request.method.toUpperCase(),
      baseUrl: oauth.getBaseUrl(request.url),
      collected: collectParameters(oauth, request.data, oauthData, masks),
      sorted: sortParameters(oauth, request.data, oauthData, masks),
      parameterString: maskParameters(parameterString, oauthData, masks, (text) => oauth.percentEncode(text), '='),
      baseString: maskParameters(baseString, oauthData, masks, (text) => oauth.percentEncode(oauth.percentEncode(text)), '%3D'),
      signingKeyShape: SIGNING_KEY_SHAPE,
      consumerKeyHint,
      tokenHint,
      authorization: inputs.redactedAuthorization,
    },
  };
}

function collectParameters(
  oauth: OAuth,
  query: Record<string, string | string[]>,
  oauthData: Record<string, string>,
  masks: Record<string, string>,
): SignatureParameter[] {
  const parameters: SignatureParameter[] = [];
  for (const [key, values] of Object.entries(query)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      parameters.push(describe(oauth, key, value, 'query', masks));
    }
  }
  for (const [key, value] of Object.entries(oauthData)) {
    parameters.push(describe(oauth, key, value, 'oauth', masks));
  }

  return parameters;
}

/** Sorts as the package's getParameterString does: by encoded key, and repeated keys by encoded value. */
function sortParameters(
  oauth: OAuth,
  query: Record<string, string | string[]>,
  oauthData: Record<string, string>,
  masks: Record<string, string>,
): SignatureParameter[] {
  const collected = collectParameters(oauth, query, oauthData, {});
  const sorted = [...collected].sort((left, right) => compare(left.encodedKey, right.encodedKey) || compare(left.encodedValue, right.encodedValue));

  return sorted.map((parameter) => (masks[parameter.key] === undefined ? parameter : describe(oauth, parameter.key, parameter.value, parameter.source, masks)));
}

function describe(oauth: OAuth, key: string, value: string, source: SignatureParameter['source'], masks: Record<string, string>): SignatureParameter {
  const mask = masks[key];
  if (mask !== undefined) {
    return { key, value: mask, encodedKey: oauth.percentEncode(key), encodedValue: mask, source, masked: true };
  }

  return { key, value, encodedKey: oauth.percentEncode(key), encodedValue: oauth.percentEncode(value), source, masked: false };
}

/** Replaces `key=<encoded value>` (or `key%3D…` inside the base string) of each masked key with its mask. */
function maskParameters(
  text: string,
  oauthData: Record<string, string>,
  masks: Record<string, string>,
  encode: (text: string) => string,
  equals: string,
): string {
  let masked = text;
  for (const [key, mask] of Object.entries(masks)) {
    const value = oauthData[key];
    if (value !== undefined) {
      masked = masked.replaceAll(`${key}${equals}${encode(value)}`, `${key}${equals}${mask}`);
    }
  }

  return masked;
}

/** Returns the oauth_* parameters as strings; the package keeps oauth_timestamp as a number. */
function toStrings(data: OAuth.Data): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value !== undefined) {
      strings[key] = String(value);
    }
  }

  return strings;
}

function compare(left: string, right: string): number {
  if (left === right) {
    return 0;
  }

  return left < right ? -1 : 1;
}
