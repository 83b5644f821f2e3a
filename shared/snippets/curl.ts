import { encodeRfc3986, parseSnippetUrl, shellQuote, SNIPPET_ENV, type SnippetRequest } from './request.ts';

/**
 * A bash script that sends the request with curl. For OAuth 1.0a it builds the Authorization
 * header itself: RFC 5849 base string, HMAC-SHA1 with openssl, percent-encoding in pure bash.
 * The query parameters are known when the snippet is made, so their encoded and sorted form is
 * written into the script, and only the credentials, nonce and timestamp are filled in at run time.
 */

export function curlSnippet(request: SnippetRequest): string {
  const header = [
    '#!/usr/bin/env bash',
    `# ${request.name}: ${request.method} ${request.url}`,
  ];
  const send = curlCommand(request, request.auth === 'oauth1' ? '"Authorization: ${authorization}"' : bearerHeader(request));

  if (request.auth === 'oauth1') {
    return [...header, ...oauth1Script(request), '', ...send].join('\n') + '\n';
  }

  const variable = request.auth === 'oauth2' ? SNIPPET_ENV.oauth2UserToken : SNIPPET_ENV.bearerToken;
  const credentialDescription =
    request.auth === 'oauth2'
      ? `an OAuth 2.0 user-context access token (from the PKCE sign-in, not the app's bearer token)`
      : `the app's bearer token (app-only)`;

  return [
    ...header,
    `# Reads ${credentialDescription} from ${variable}.`,
    'set -euo pipefail',
    `: "\${${variable}:?Set ${variable} to ${request.auth === 'oauth2' ? 'an OAuth 2.0 user access token' : 'the bearer token of your X app'}}"`,
    '',
    ...send,
  ].join('\n') + '\n';
}

function bearerHeader(request: SnippetRequest): string {
  const variable = request.auth === 'oauth2' ? SNIPPET_ENV.oauth2UserToken : SNIPPET_ENV.bearerToken;

  return `"Authorization: Bearer \${${variable}}"`;
}

function curlCommand(request: SnippetRequest, authorizationHeader: string): string[] {
  const lines = [`curl --silent --show-error --request ${request.method} \\`, `  --url ${shellQuote(request.url)} \\`];
  if (request.body !== null) {
    lines.push(`  --header 'Content-Type: application/json' \\`, `  --data-raw ${shellQuote(request.body)} \\`);
  }
  lines.push(`  --header ${authorizationHeader}`);

  return lines;
}

function oauth1Script(request: SnippetRequest): string[] {
  const { origin, path, query } = parseSnippetUrl(request.url);
  const baseUrl = `${origin.toLowerCase()}${path}`;

  // The parameter string sorts by encoded key, then value. The oauth_* keys are fixed, so the
  // order is settled here, and each oauth_* value is a shell expansion filled in at run time.
  const oauthParameters: Array<[string, string]> = [
    ['oauth_consumer_key', '$(percent_encode "$X_API_KEY")'],
    ['oauth_nonce', '${nonce}'],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', '${timestamp}'],
    ['oauth_token', '$(percent_encode "$X_ACCESS_TOKEN")'],
    ['oauth_version', '1.0'],
  ];
  const queryParameters = query.map(([key, value]): [string, string] => [encodeRfc3986(key), encodeRfc3986(value)]);
  const sorted = [...queryParameters, ...oauthParameters].sort(([keyA, valueA], [keyB, valueB]) =>
    keyA === keyB ? compare(valueA, valueB) : compare(keyA, keyB),
  );
  const parameterString = sorted.map(([key, value]) => `${key}=${value}`).join('&');

  return [
    `# Signs it with OAuth 1.0a (HMAC-SHA1) using ${SNIPPET_ENV.apiKey}, ${SNIPPET_ENV.apiSecret},`,
    `# ${SNIPPET_ENV.accessToken} and ${SNIPPET_ENV.accessTokenSecret} from the environment. Needs bash, curl and openssl.`,
    '# NOTE: openssl receives the signing key as an argument, which other local users can see in the',
    '# process list while it runs.',
    'set -euo pipefail',
    `: "\${${SNIPPET_ENV.apiKey}:?Set ${SNIPPET_ENV.apiKey} to the API key (consumer key) of your X app}"`,
    `: "\${${SNIPPET_ENV.apiSecret}:?Set ${SNIPPET_ENV.apiSecret} to the API key secret (consumer secret) of your X app}"`,
    `: "\${${SNIPPET_ENV.accessToken}:?Set ${SNIPPET_ENV.accessToken} to your access token}"`,
    `: "\${${SNIPPET_ENV.accessTokenSecret}:?Set ${SNIPPET_ENV.accessTokenSecret} to your access token secret}"`,
    '',
    '# Percent-encodes bytes as RFC 3986 requires: only A-Z a-z 0-9 - . _ ~ stay as they are.',
    'percent_encode() {',
    '  local LC_ALL=C',
    '  local input="$1" output="" char hex index',
    '  for (( index = 0; index < ${#input}; index++ )); do',
    '    char="${input:index:1}"',
    '    case "$char" in',
    '      [a-zA-Z0-9.~_-]) output+="$char" ;;',
    `      *) printf -v hex '%%%02X' "'$char"; output+="$hex" ;;`,
    '    esac',
    '  done',
    "  printf '%s' \"$output\"",
    '}',
    '',
    'nonce="$(openssl rand -hex 16)"',
    'timestamp="$(date +%s)"',
    `parameters="${parameterString}"`,
    `base_string="${request.method.toUpperCase()}&$(percent_encode ${shellQuote(baseUrl)})&$(percent_encode "$parameters")"`,
    `signing_key="$(percent_encode "$${SNIPPET_ENV.apiSecret}")&$(percent_encode "$${SNIPPET_ENV.accessTokenSecret}")"`,
    `signature="$(printf '%s' "$base_string" | openssl dgst -sha1 -hmac "$signing_key" -binary | openssl base64 -A)"`,
    'authorization="OAuth oauth_consumer_key=\\"$(percent_encode "$X_API_KEY")\\", oauth_nonce=\\"${nonce}\\", oauth_signature=\\"$(percent_encode "$signature")\\", oauth_signature_method=\\"HMAC-SHA1\\", oauth_timestamp=\\"${timestamp}\\", oauth_token=\\"$(percent_encode "$X_ACCESS_TOKEN")\\", oauth_version=\\"1.0\\""',
  ];
}

/** Compares by UTF-16 code unit, which for percent-encoded ASCII text is the byte order that RFC 5849 requires. */
function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}
