import type { AuthType } from './auth-types.ts';
import { readTopLevelProperties } from './json-format.ts';

/**
 * One line that states what an X API response means for the request that was sent, such as
 * "Now following 2244994945" or "The request reached X, but: Could not find user …". IDs are read
 * only from string fields (X sends IDs as strings) or from the raw text of the sent body, so they
 * keep every digit.
 */

export interface OutcomeInput {
  /** ID of the built-in request, such as "follow". */
  requestId: string;
  status: number;
  /** Reason phrase of the status; only used for bodies that are not JSON. */
  statusText?: string;
  body: string;
  /** Raw JSON text that was sent, or null. */
  sentBody: string | null;
  sentUrl: string;
  /** The auth type the request was sent with; absent means OAuth 1.0a. */
  authType?: AuthType;
}

export type OutcomeTone = 'success' | 'warning' | 'error';

export interface Outcome {
  tone: OutcomeTone;
  text: string;
}

type JsonObject = Record<string, unknown>;

/** Hints for problem types whose detail does not say how to fix them, keyed by the type's last path segment. */
const PROBLEM_FIXES: Record<string, string> = {
  'oauth1-permissions':
    'set the app to Read and Write in the developer portal, then regenerate the access token and secret',
  'client-forbidden': 'attach the app to a Project in the developer portal',
  'unsupported-authentication':
    'an app-only bearer token acts as no user; switch the Authorization type to OAuth 1.0a User Context or OAuth 2.0 User Context (PKCE)',
};

/** What a 401 means for each auth type. */
const UNAUTHORIZED_FIXES: Record<AuthType, string> = {
  oauth1:
    'X rejected the OAuth 1.0a signature or credentials; check consumer_key, consumer_secret, access_token and token_secret in the environment',
  oauth2: 'X rejected the OAuth 2.0 access token, which may be revoked or expired; press Authorize to sign in again',
  'app-only': 'X rejected the bearer token; check bearer_token in the environment against the one in the developer portal',
};

const STATUS_FIXES: Record<number, string> = {
  429: 'the rate limit is used up; wait until the time in the x-rate-limit-reset header',
};

/** Describes the result of one request in a line that a newcomer can act on. */
export function describeOutcome(input: OutcomeInput): Outcome {
  const parsed = parseJsonObject(input.body);

  if (parsed === null) {
    return describeNonObject(input);
  }
  if (input.status >= 400) {
    return { tone: 'error', text: describeProblem(input, parsed) };
  }
  if (input.status < 200 || input.status >= 300) {
    return { tone: 'warning', text: `${input.status} ${input.statusText ?? ''}`.trim() };
  }

  const data = parsed.data;
  const errors = readErrors(parsed);

  if (data === undefined && errors.length > 0) {
    return { tone: 'warning', text: `The request reached X, but: ${describeErrorEntry(errors[0]!)}${moreErrors(errors)}` };
  }

  return describeSuccess(input, data) ?? { tone: 'success', text: `${input.status} ${input.statusText ?? 'OK'}` };
}

function describeSuccess(input: OutcomeInput, data: unknown): Outcome | null {
  if (input.requestId === 'follow' && isObject(data)) {
    return describeFollow(input, data);
  }
  if (input.requestId === 'unfollow' && isObject(data) && data.following === false) {
    const target = readUnfollowTarget(input.sentUrl);
    return { tone: 'success', text: target === null ? 'No longer following the target user' : `No longer following ${target}` };
  }
  if ((input.requestId === 'following' || input.requestId === 'followers') && (Array.isArray(data) || data === undefined)) {
    return describeUserList(input.body, data);
  }
  if (isObject(data) && typeof data.id === 'string' && typeof data.username === 'string') {
    return { tone: 'success', text: `@${data.username} has ID ${data.id}` };
  }

  return null;
}

function describeFollow(input: OutcomeInput, data: JsonObject): Outcome {
  if (data.pending_follow === true) {
    return {
      tone: 'success',
      text: 'Follow request pending: the account is protected, so it must accept before you follow it',
    };
  }
  if (data.following === true) {
    const target = readSentTarget(input.sentBody);
    return { tone: 'success', text: target === null ? 'Now following the target user' : `Now following ${target}` };
  }

  return { tone: 'warning', text: 'X answered following: false without a pending follow request' };
}

function describeUserList(body: string, data: unknown): Outcome {
  const count = Array.isArray(data) ? data.length : 0;
  const users = count === 1 ? '1 user' : `${count} users`;
  const meta = (parseJsonObject(body) ?? {}).meta;
  const hasNextPage = isObject(meta) && typeof meta.next_token === 'string';

  return {
    tone: 'success',
    text: hasNextPage ? `${users}; more pages: use meta.next_token as pagination_token` : users,
  };
}

/**
 * Reports whether X rejected an app-only bearer token because the endpoint needs a user
 * (403 unsupported-authentication), so that the page can offer a user-context auth type instead.
 */
export function needsUserContext(status: number, body: string): boolean {
  if (status !== 403) {
    return false;
  }
  const parsed = parseJsonObject(body);

  return parsed !== null && typeof parsed.type === 'string' && parsed.type.endsWith('/unsupported-authentication');
}

function describeProblem(input: OutcomeInput, body: JsonObject): string {
  const { status, statusText } = input;
  const errors = readErrors(body);
  const firstMessage = errors[0] === undefined ? null : describeErrorEntry(errors[0]);
  let heading = statusText ?? '';
  let detail: string | null = firstMessage ?? (typeof body.detail === 'string' ? body.detail : null);

  if (typeof body.title === 'string') {
    heading = body.title;
  } else if (typeof body.error === 'string') {
    // OAuth 2.0 token endpoints return errors as RFC 6749 defines them: {"error", "error_description"}.
    heading = body.error;
    detail = typeof body.error_description === 'string' ? body.error_description : null;
  }

  const statusFix = status === 401 ? UNAUTHORIZED_FIXES[input.authType ?? 'oauth1'] : STATUS_FIXES[status];
  const fix = problemFix(body) ?? statusFix ?? null;
  const parts = [`${status} ${heading}`.trim()];
  if (detail !== null && detail !== heading) {
    parts.push(detail);
  }
  if (fix !== null) {
    parts.push(fix);
  }

  return joinParts(parts);
}

function problemFix(body: JsonObject): string | null {
  if (typeof body.type !== 'string') {
    return null;
  }
  const name = body.type.slice(body.type.lastIndexOf('/') + 1);

  return PROBLEM_FIXES[name] ?? null;
}

/** Joins "401 Unauthorized", "detail" and "fix" as "401 Unauthorized: detail (fix)". */
function joinParts(parts: string[]): string {
  const [heading, ...rest] = parts;
  if (rest.length === 0) {
    return heading!;
  }
  if (rest.length === 1) {
    return `${heading}: ${rest[0]}`;
  }

  return `${heading}: ${rest[0]} (${rest[1]})`;
}

function describeNonObject(input: OutcomeInput): Outcome {
  const heading = `${input.status} ${input.statusText ?? ''}`.trim();
  const tone: OutcomeTone = input.status >= 400 ? 'error' : 'warning';

  if (input.body.trim() === '') {
    return { tone, text: `${heading}: the response has no body` };
  }
  if (isJson(input.body)) {
    return { tone, text: `${heading}: the response is JSON but not an object` };
  }

  return { tone, text: `${heading}: the response is not JSON` };
}

function readErrors(body: JsonObject): JsonObject[] {
  return Array.isArray(body.errors) ? body.errors.filter(isObject) : [];
}

function describeErrorEntry(error: JsonObject): string {
  for (const field of ['detail', 'message', 'title'] as const) {
    const value = error[field];
    if (typeof value === 'string' && value !== '') {
      return value;
    }
  }

  return 'X returned an error without a detail';
}

function moreErrors(errors: JsonObject[]): string {
  if (errors.length <= 1) {
    return '';
  }

  return errors.length === 2 ? ' (and 1 more error)' : ` (and ${errors.length - 1} more errors)`;
}

/** Reads target_user_id from the raw sent body, so that a number keeps its digits. */
function readSentTarget(sentBody: string | null): string | null {
  if (sentBody === null) {
    return null;
  }
  const property = readTopLevelProperties(sentBody)?.find((entry) => entry.key === 'target_user_id');
  if (property === undefined) {
    return null;
  }

  return property.valueToken.kind === 'string' ? (JSON.parse(property.valueToken.text) as string) : property.valueToken.text;
}

function readUnfollowTarget(sentUrl: string): string | null {
  const match = /\/following\/([^/?#]+)/.exec(sentUrl);
  if (match === null) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

function parseJsonObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
