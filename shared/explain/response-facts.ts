/** Readers for the facts that the explainer and the rate-limit meter take from a response. */
import type { HeaderList } from '../api.ts';

export type JsonObject = Record<string, unknown>;

/** An X problem object or the first entry of `errors[]`, with the fields the explainer shows. */
export interface ProblemFacts {
  /** Last path segment of `type`, such as "oauth1-permissions"; null for "about:blank" or no type. */
  name: string | null;
  type: string | null;
  title: string | null;
  detail: string | null;
  body: JsonObject;
}

/** The x-rate-limit-* headers of one response. */
export interface RateLimitReading {
  limit: number;
  remaining: number;
  /** Unix time in seconds when the window resets. */
  resetSeconds: number;
}

/** Returns the first value of a header, matched case-insensitively, or null. */
export function readHeader(headers: HeaderList, name: string): string | null {
  const lowerName = name.toLowerCase();
  const entry = headers.find(([key]) => key.toLowerCase() === lowerName);

  return entry === undefined ? null : entry[1];
}

/** Reads x-rate-limit-limit, -remaining and -reset; returns null unless all three are whole numbers. */
export function readRateLimit(headers: HeaderList): RateLimitReading | null {
  const limit = readWholeNumber(readHeader(headers, 'x-rate-limit-limit'));
  const remaining = readWholeNumber(readHeader(headers, 'x-rate-limit-remaining'));
  const resetSeconds = readWholeNumber(readHeader(headers, 'x-rate-limit-reset'));
  if (limit === null || remaining === null || resetSeconds === null) {
    return null;
  }

  return { limit, remaining, resetSeconds };
}

/** Reads the Date header as milliseconds since the epoch, or null when it is missing or invalid. */
export function readDateHeader(headers: HeaderList): number | null {
  const value = readHeader(headers, 'date');
  if (value === null) {
    return null;
  }
  const parsed = Date.parse(value);

  return Number.isNaN(parsed) ? null : parsed;
}

/** Reads oauth_timestamp from an `Authorization: OAuth …` header, or null. */
export function readOAuthTimestamp(headers: HeaderList): number | null {
  const authorization = readHeader(headers, 'authorization');
  if (authorization === null) {
    return null;
  }
  const match = /(?:^|[\s,])oauth_timestamp="([0-9]{1,12})"/.exec(authorization);

  return match === null ? null : Number(match[1]);
}

export function parseJsonObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the entries of `errors[]` that are objects. */
export function readErrorEntries(body: JsonObject): JsonObject[] {
  return Array.isArray(body.errors) ? body.errors.filter(isJsonObject) : [];
}

export function readProblem(body: JsonObject): ProblemFacts {
  const type = readString(body, 'type');

  return {
    name: problemName(type),
    type,
    title: readString(body, 'title'),
    detail: readString(body, 'detail'),
    body,
  };
}

/** Returns the last path segment of a problem type, as X's problem types differ only in their host. */
export function problemName(type: string | null): string | null {
  if (type === null || type === 'about:blank') {
    return null;
  }

  return type.slice(type.lastIndexOf('/') + 1);
}

export function readString(object: JsonObject, key: string): string | null {
  const value = object[key];

  return typeof value === 'string' ? value : null;
}

function readWholeNumber(value: string | null): number | null {
  if (value === null || !/^[0-9]{1,15}$/.test(value.trim())) {
    return null;
  }

  return Number(value.trim());
}
