/**
 * User IDs and usernames as X defines them. IDs stay strings everywhere: many exceed 2^53, so
 * `Number("1588987262754234368")` would silently become 1588987262754234400.
 */

export const USER_ID_PATTERN = /^[0-9]{1,19}$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;

/** Result of checking one input value: the cleaned value, or a message that names the problem. */
export type CheckResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Checks a user ID and explains what is wrong with it, naming the field, the value and the fix.
 * Whitespace is reported rather than trimmed, so that what the user typed is what gets sent.
 */
export function checkUserId(field: string, value: unknown): CheckResult {
  if (typeof value === 'number' || typeof value === 'bigint') {
    return {
      ok: false,
      message: `${field} must be a string of 1 to 19 digits; got the number ${String(value)} (put the ID in quotes, because IDs above 2^53 lose digits as numbers)`,
    };
  }
  if (typeof value !== 'string') {
    return { ok: false, message: `${field} must be a string of 1 to 19 digits; got ${describeType(value)}` };
  }
  if (value === '') {
    return { ok: false, message: `${field} is empty (enter a user ID of 1 to 19 digits)` };
  }
  if (USER_ID_PATTERN.test(value)) {
    return { ok: true, value };
  }

  return { ok: false, message: `${field} must be 1 to 19 digits; got ${JSON.stringify(value)} (${suggestIdFix(value)})` };
}

/** Checks a username against X's rule: 1 to 15 letters, digits or underscores, without the "@". */
export function checkUsername(field: string, value: unknown): CheckResult {
  if (typeof value !== 'string') {
    return { ok: false, message: `${field} must be a string; got ${describeType(value)}` };
  }
  if (value === '') {
    return { ok: false, message: `${field} is empty (enter a username such as TwitterDev)` };
  }
  if (USERNAME_PATTERN.test(value)) {
    return { ok: true, value };
  }
  if (value.startsWith('@') && USERNAME_PATTERN.test(value.slice(1))) {
    return { ok: false, message: `${field} must not start with "@"; got ${JSON.stringify(value)} (use ${value.slice(1)})` };
  }

  return {
    ok: false,
    message: `${field} must be 1 to 15 letters, digits or underscores; got ${JSON.stringify(value)}${whitespaceNote(value)}`,
  };
}

/**
 * Returns the user ID that an OAuth 1.0a access token belongs to: the digits before the first "-",
 * as in "370773112-GmHx…". Returns null when the token has no such prefix.
 */
export function userIdFromAccessToken(accessToken: string | null | undefined): string | null {
  if (!accessToken) {
    return null;
  }
  const match = /^([0-9]{1,19})-/.exec(accessToken);

  return match ? match[1]! : null;
}

function suggestIdFix(value: string): string {
  const trimmed = value.trim();
  if (trimmed !== value && USER_ID_PATTERN.test(trimmed)) {
    return value.endsWith(trimmed) ? 'remove the leading whitespace' : 'remove the trailing whitespace';
  }
  if (/\s/.test(value)) {
    return 'remove the whitespace';
  }
  if (value.startsWith(':')) {
    return `the path variable ${value} was not filled in; enter a user ID`;
  }
  if (/\{\{.*\}\}/.test(value)) {
    return 'a {{variable}} was not resolved; define it in the environment or enter the ID';
  }
  if (value.startsWith('@') || USERNAME_PATTERN.test(value)) {
    return 'this looks like a username; look up its ID with "User by Username"';
  }
  if (/^[+-]/.test(value)) {
    return 'remove the sign';
  }
  if (/^[0-9]+$/.test(value)) {
    return 'X user IDs have at most 19 digits';
  }
  if (/\p{Nd}/u.test(value)) {
    return 'use only the ASCII digits 0 to 9';
  }

  return 'use only the digits 0 to 9';
}

function whitespaceNote(value: string): string {
  return /\s/.test(value) ? ' (remove the whitespace)' : '';
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }

  return `a value of type ${typeof value}`;
}
