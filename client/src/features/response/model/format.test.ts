import { describe, expect, it } from 'vitest';

import { classifyStatus, describeRateLimitReset, formatDuration, formatSize, isRateLimitHeader } from './format.ts';

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [1_048_576, '1 MB'],
    [2_359_296, '2.25 MB'],
  ])('formats %i bytes', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it('rounds to whole milliseconds', () => {
    expect(formatDuration(86.6)).toBe('87 ms');
  });
});

describe('classifyStatus', () => {
  it.each([
    [200, 'success'],
    [204, 'success'],
    [302, 'redirect'],
    [400, 'client-error'],
    [429, 'client-error'],
    [503, 'server-error'],
    [0, 'other'],
  ])('classifies %i', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });
});

describe('isRateLimitHeader', () => {
  it('matches in any case', () => {
    expect(isRateLimitHeader('X-Rate-Limit-Remaining')).toBe(true);
  });

  it('ignores other headers', () => {
    expect(isRateLimitHeader('x-response-time')).toBe(false);
  });
});

describe('describeRateLimitReset', () => {
  const now = new Date(1_700_000_000_000);

  it('gives the wait in minutes', () => {
    expect(describeRateLimitReset('1700000720', now)).toMatch(/, in 12 min$/);
  });

  it('gives the wait in seconds under a minute', () => {
    expect(describeRateLimitReset('1700000030', now)).toMatch(/, in 30 s$/);
  });

  it('says when the reset is past', () => {
    expect(describeRateLimitReset('1699999000', now)).toMatch(/, already passed$/);
  });

  it('returns null for a non-number', () => {
    expect(describeRateLimitReset('soon', now)).toBeNull();
  });
});
