import { describe, expect, it } from 'vitest';

import { formatSeconds, formatTimeOfDay } from './format-time.ts';
import { problemName, readOAuthTimestamp, readRateLimit } from './response-facts.ts';

describe('readRateLimit', () => {
  it('reads the three headers case-insensitively', () => {
    expect(
      readRateLimit([
        ['X-Rate-Limit-Limit', '50'],
        ['x-rate-limit-remaining', '49'],
        ['x-rate-limit-reset', '1736942400'],
      ]),
    ).toEqual({ limit: 50, remaining: 49, resetSeconds: 1736942400 });
  });

  it('returns null when one header is missing', () => {
    expect(readRateLimit([['x-rate-limit-limit', '50'], ['x-rate-limit-remaining', '49']])).toBeNull();
  });

  it('returns null for a value that is not a whole number', () => {
    expect(readRateLimit([['x-rate-limit-limit', '50'], ['x-rate-limit-remaining', '-1'], ['x-rate-limit-reset', '1']])).toBeNull();
  });
});

describe('readOAuthTimestamp', () => {
  it('reads oauth_timestamp from an OAuth header', () => {
    expect(readOAuthTimestamp([['authorization', 'OAuth oauth_nonce="n", oauth_timestamp="1736942400", oauth_version="1.0"']])).toBe(1736942400);
  });

  it('returns null for a bearer header', () => {
    expect(readOAuthTimestamp([['authorization', 'Bearer abc']])).toBeNull();
  });
});

describe('problemName', () => {
  it.each([
    ['https://api.twitter.com/2/problems/oauth1-permissions', 'oauth1-permissions'],
    ['https://api.x.com/2/problems/client-forbidden', 'client-forbidden'],
    ['about:blank', null],
    [null, null],
  ])('reads %j as %j', (type, expected) => {
    expect(problemName(type)).toBe(expected);
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [500, '8 min 20 s'],
    [600, '10 min'],
    [3720, '1 h 2 min'],
    [-5, '0 s'],
  ])('formats %j as %j', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });
});

describe('formatTimeOfDay', () => {
  it('formats in the given time zone', () => {
    expect(formatTimeOfDay(Date.UTC(2025, 0, 15, 14, 5, 9), 'UTC')).toBe('14:05:09');
  });
});
