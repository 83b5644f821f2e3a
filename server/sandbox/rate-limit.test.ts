import { describe, expect, it } from 'vitest';

import { RATE_LIMIT_WINDOW_MS, RateLimiter, rateLimitBucketKey } from './rate-limit.ts';

function limiterAt(startMs: number): { limiter: RateLimiter; clock: { nowMs: number } } {
  const clock = { nowMs: startMs };

  return { limiter: new RateLimiter(() => clock.nowMs), clock };
}

const FOLLOW_KEY = rateLimitBucketKey('follow', 'user', '1588987262754234368');

describe('RateLimiter', () => {
  it('counts down from the endpoint limit', () => {
    const { limiter } = limiterAt(1_000_000);

    expect(limiter.consume(FOLLOW_KEY)).toEqual({
      allowed: true,
      status: { limit: 50, remaining: 49, resetSeconds: Math.ceil((1_000_000 + RATE_LIMIT_WINDOW_MS) / 1000) },
    });
  });

  it('rejects requests once the window is spent', () => {
    const { limiter } = limiterAt(0);
    for (let request = 0; request < 50; request += 1) {
      expect(limiter.consume(FOLLOW_KEY).allowed).toBe(true);
    }

    const rejected = limiter.consume(FOLLOW_KEY);
    expect(rejected.allowed).toBe(false);
    expect(rejected.status.remaining).toBe(0);
  });

  it('starts a new window at the reset time', () => {
    const { limiter, clock } = limiterAt(0);
    limiter.setRemaining(FOLLOW_KEY, 0);
    clock.nowMs = RATE_LIMIT_WINDOW_MS - 1;
    expect(limiter.consume(FOLLOW_KEY).allowed).toBe(false);

    clock.nowMs = RATE_LIMIT_WINDOW_MS;
    const next = limiter.consume(FOLLOW_KEY);

    expect(next.allowed).toBe(true);
    expect(next.status.remaining).toBe(49);
    expect(next.status.resetSeconds).toBe((2 * RATE_LIMIT_WINDOW_MS) / 1000);
  });

  it('peeks without counting', () => {
    const { limiter } = limiterAt(0);
    limiter.peek(FOLLOW_KEY);
    limiter.peek(FOLLOW_KEY);

    expect(limiter.consume(FOLLOW_KEY).status.remaining).toBe(49);
  });

  it('keeps buckets apart per endpoint, caller kind and caller', () => {
    const { limiter } = limiterAt(0);
    limiter.setRemaining(FOLLOW_KEY, 0);

    expect(limiter.consume(rateLimitBucketKey('unfollow', 'user', '1588987262754234368')).allowed).toBe(true);
    expect(limiter.consume(rateLimitBucketKey('follow', 'user', '2244994945')).allowed).toBe(true);
    expect(limiter.consume(rateLimitBucketKey('user_by_username', 'app', '1')).status.limit).toBe(300);
    expect(limiter.consume(rateLimitBucketKey('user_by_username', 'user', '1')).status.limit).toBe(900);
  });

  it('rejects invalid keys and values in setRemaining', () => {
    const { limiter } = limiterAt(0);

    expect(() => limiter.setRemaining('retweet:user:1', 1)).toThrow('invalid rate-limit bucket key');
    expect(() => limiter.setRemaining(FOLLOW_KEY, 51)).toThrow('remaining must be an integer from 0 to 50');
    expect(() => limiter.setRemaining(FOLLOW_KEY, -1)).toThrow('remaining must be an integer from 0 to 50');
  });

  it('forgets every bucket on reset', () => {
    const { limiter } = limiterAt(0);
    limiter.setRemaining(FOLLOW_KEY, 0);
    limiter.reset();

    expect(limiter.consume(FOLLOW_KEY).allowed).toBe(true);
  });

  it('lets every request through when off', () => {
    const limiter = new RateLimiter(() => 0, 'off');

    for (let request = 0; request < 60; request += 1) {
      expect(limiter.consume(FOLLOW_KEY).allowed).toBe(true);
    }
    expect(limiter.peek(FOLLOW_KEY).remaining).toBe(50);
  });
});
