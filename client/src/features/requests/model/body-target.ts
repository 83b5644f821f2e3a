import { readTopLevelProperties } from '../../../../../shared/json-format.ts';

/**
 * Two-way editing of target_user_id inside the raw text of the follow body. The text is never
 * re-serialized: reading takes the value token as written, and writing replaces only that token,
 * so the user's formatting and every digit stay as typed.
 */

export type BodyTarget =
  | { state: 'invalid-json' }
  | { state: 'not-object' }
  | { state: 'missing' }
  | { state: 'string'; value: string }
  /** The value is not a string, such as a number; `text` is the value exactly as written. */
  | { state: 'not-string'; kind: string; text: string };

export const TARGET_KEY = 'target_user_id';

export function readBodyTarget(body: string): BodyTarget {
  const properties = readTopLevelProperties(body);
  if (properties === null) {
    return isJsonText(body) ? { state: 'not-object' } : { state: 'invalid-json' };
  }

  const property = properties.find((entry) => entry.key === TARGET_KEY);
  if (property === undefined) {
    return { state: 'missing' };
  }
  const token = property.valueToken;
  if (token.kind === 'string') {
    return { state: 'string', value: JSON.parse(token.text) as string };
  }

  return { state: 'not-string', kind: token.kind, text: body.slice(token.start, property.valueEnd) };
}

/**
 * Returns the body with target_user_id set to `value` as a JSON string. Adds the property when it is
 * missing. Returns null when the body is not a JSON object, because there is no safe place to write.
 */
export function writeBodyTarget(body: string, value: string): string | null {
  const properties = readTopLevelProperties(body);
  if (properties === null) {
    return null;
  }

  const encoded = JSON.stringify(value);
  const property = properties.find((entry) => entry.key === TARGET_KEY);
  if (property !== undefined) {
    return body.slice(0, property.valueToken.start) + encoded + body.slice(property.valueEnd);
  }

  const openBrace = body.indexOf('{');
  const entry = `"${TARGET_KEY}": ${encoded}`;
  if (properties.length === 0) {
    return `${body.slice(0, openBrace)}{\n  ${entry}\n}${body.slice(body.lastIndexOf('}') + 1)}`;
  }

  return `${body.slice(0, openBrace + 1)}\n  ${entry},${body.slice(openBrace + 1)}`;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
