/**
 * Percent-encoding as OAuth 1.0a needs it (RFC 5849 section 3.6) and form decoding as browsers and
 * servers apply it to query strings and `application/x-www-form-urlencoded` bodies.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Encodes a string as RFC 3986 requires for OAuth signatures: every UTF-8 byte except
 * `A-Z a-z 0-9 - . _ ~` becomes `%XX` with upper-case hex, so a space is `%20` and `!*'()` are encoded.
 * A lone UTF-16 surrogate is encoded as U+FFFD, as `Buffer.from` converts it.
 */
export function percentEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && UNRESERVED.test(char)) {
      encoded += char;
      continue;
    }
    encoded += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }

  return encoded;
}

/** Raised for a `%` that is not followed by two hex digits, or escapes that do not form UTF-8. */
export class PercentDecodingError extends Error {
  readonly input: string;

  constructor(input: string) {
    super(`invalid percent-encoding in ${JSON.stringify(input)}`);
    this.name = 'PercentDecodingError';
    this.input = input;
  }
}

/** Decodes `%XX` escapes as UTF-8. A `+` stays a `+`, as in the OAuth Authorization header. */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new PercentDecodingError(value);
  }
}

/** Decodes one name or value of form data: `+` is a space, then `%XX` escapes are decoded as UTF-8. */
export function decodeFormComponent(value: string): string {
  return percentDecode(value.replaceAll('+', ' '));
}

/** One name and value pair, decoded. Lists of pairs keep repeated names and their order. */
export type Parameter = [name: string, value: string];

/**
 * Parses a query string (without the `?`) or a form body as `application/x-www-form-urlencoded`.
 * Repeated names are kept, a name without `=` gets the empty value, and empty segments (`a=1&&b=2`)
 * are skipped. Throws PercentDecodingError on a malformed escape.
 */
export function parseFormEncoded(text: string): Parameter[] {
  const parameters: Parameter[] = [];
  for (const segment of text.split('&')) {
    if (segment === '') {
      continue;
    }
    const separator = segment.indexOf('=');
    const rawName = separator === -1 ? segment : segment.slice(0, separator);
    const rawValue = separator === -1 ? '' : segment.slice(separator + 1);
    parameters.push([decodeFormComponent(rawName), decodeFormComponent(rawValue)]);
  }

  return parameters;
}
