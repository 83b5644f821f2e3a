/**
 * The request a snippet reproduces, and the environment variables snippets read credentials from.
 * Plain types, no zod: the browser bundle imports this file.
 */

/** The credential a snippet signs with: OAuth 1.0a user context, an OAuth 2.0 user token, or the app's bearer token. */
export type SnippetAuth = 'oauth1' | 'oauth2' | 'app-only';

export interface SnippetRequest {
  /** The request's name, shown in the snippet's first comment. */
  name: string;
  method: string;
  /** The full URL as sent: real non-secret values, query encoded as RFC 3986. It never contains a secret. */
  url: string;
  /** Raw JSON text of the body, or null. */
  body: string | null;
  auth: SnippetAuth;
}

/** Environment variables the snippets read. Names follow X's own samples (API key and secret, access token and secret). */
export const SNIPPET_ENV = {
  apiKey: 'X_API_KEY',
  apiSecret: 'X_API_SECRET',
  accessToken: 'X_ACCESS_TOKEN',
  accessTokenSecret: 'X_ACCESS_TOKEN_SECRET',
  bearerToken: 'X_BEARER_TOKEN',
  /** An OAuth 2.0 user-context access token from the PKCE flow, which is not the app's bearer token. */
  oauth2UserToken: 'X_OAUTH2_USER_TOKEN',
} as const;

export const SNIPPET_LANGUAGES = ['curl', 'xurl', 'twurl', 'node', 'python'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

export const SNIPPET_LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  curl: 'curl',
  xurl: 'xurl',
  twurl: 'twurl',
  node: 'Node.js',
  python: 'Python',
};

/** Origin that xurl and twurl send to; they cannot reach another host such as the sandbox. */
export const X_API_ORIGIN = 'https://api.x.com';

export interface ParsedSnippetUrl {
  origin: string;
  /** Percent-encoded path, as sent. */
  path: string;
  /** Decoded query pairs, in order. */
  query: Array<[string, string]>;
  /** The query as sent, without "?"; '' when there is none. */
  search: string;
}

/** Splits the URL without URLSearchParams, which would read "+" as a space; the workbench encodes a space as %20. */
export function parseSnippetUrl(url: string): ParsedSnippetUrl {
  const parsed = new URL(url);
  const search = parsed.search.replace(/^\?/, '');
  const query = search === ''
    ? []
    : search.split('&').map((pair): [string, string] => {
        const equals = pair.indexOf('=');
        const key = equals === -1 ? pair : pair.slice(0, equals);
        const value = equals === -1 ? '' : pair.slice(equals + 1);
        return [decodeURIComponent(key), decodeURIComponent(value)];
      });

  return { origin: parsed.origin, path: parsed.pathname, query, search };
}

/** Percent-encodes as RFC 3986 and OAuth 1.0a require: only A-Z a-z 0-9 - . _ ~ stay as they are. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Quotes a string for a POSIX shell: single quotes, with each ' written as '\''. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
