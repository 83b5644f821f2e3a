/**
 * Fixed-window rate limits per endpoint and caller, as X reports them in the x-rate-limit-* headers.
 * A window starts with a bucket's first request and lasts 15 minutes on the injected clock.
 */

export type EndpointName =
  | 'follow'
  | 'unfollow'
  | 'following'
  | 'followers'
  | 'me'
  | 'user_by_username'
  | 'user_by_id'
  | 'users_by_ids'
  | 'users_by_usernames';

/** Whether a bucket counts the requests of one user (OAuth 1.0a) or of one app (app-only bearer). */
export type CallerScope = 'user' | 'app';

export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Requests per 15-minute window, from X's rate-limit table for these endpoints. NOTE: X publishes no
 * per-app limit for follow, unfollow and /me, which reject app-only bearer tokens anyway, so their
 * app buckets reuse the per-user limit.
 */
export const RATE_LIMITS: Readonly<Record<EndpointName, Readonly<Record<CallerScope, number>>>> = {
  follow: { user: 50, app: 50 },
  unfollow: { user: 50, app: 50 },
  following: { user: 300, app: 300 },
  followers: { user: 300, app: 300 },
  me: { user: 75, app: 75 },
  user_by_username: { user: 900, app: 300 },
  user_by_id: { user: 900, app: 300 },
  users_by_ids: { user: 900, app: 300 },
  users_by_usernames: { user: 900, app: 300 },
};

/** The x-rate-limit-* header values of one bucket. */
export interface RateLimitStatus {
  limit: number;
  remaining: number;
  /** Unix time in seconds when the window ends and `remaining` returns to `limit`. */
  resetSeconds: number;
}

interface Bucket {
  limit: number;
  remaining: number;
  resetAtMs: number;
}

/** Builds a bucket key such as `follow:user:1588987262754234368` or `followers:app:12345678`. */
export function rateLimitBucketKey(endpoint: EndpointName, scope: CallerScope, callerId: string): string {
  return `${endpoint}:${scope}:${callerId}`;
}

function limitForKey(key: string): number {
  const [endpoint, scope] = key.split(':', 2);
  const limits = Object.hasOwn(RATE_LIMITS, endpoint ?? '') ? RATE_LIMITS[endpoint as EndpointName] : undefined;
  if (!limits || (scope !== 'user' && scope !== 'app')) {
    throw new Error(`invalid rate-limit bucket key ${JSON.stringify(key)}; build it with rateLimitBucketKey()`);
  }

  return limits[scope];
}

/** Whether limits apply. 'off' is for benchmarks and load tests that send more than X's limits allow. */
export type RateLimitMode = 'enforced' | 'off';

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number,
    private readonly mode: RateLimitMode = 'enforced',
  ) {}

  /** Returns the bucket's status without counting a request. */
  peek(key: string): RateLimitStatus {
    return toStatus(this.currentBucket(key, false));
  }

  /**
   * Counts one request; `allowed` is false when the window's requests were already spent. With the
   * mode 'off', nothing is counted and every request is allowed.
   */
  consume(key: string): { allowed: boolean; status: RateLimitStatus } {
    if (this.mode === 'off') {
      return { allowed: true, status: toStatus(this.currentBucket(key, false)) };
    }
    const bucket = this.currentBucket(key, true);
    if (bucket.remaining === 0) {
      return { allowed: false, status: toStatus(bucket) };
    }
    bucket.remaining -= 1;

    return { allowed: true, status: toStatus(bucket) };
  }

  /** Sets the requests left in the bucket's current window, for scenarios such as a nearly spent limit. */
  setRemaining(key: string, remaining: number): void {
    const bucket = this.currentBucket(key, true);
    if (!Number.isInteger(remaining) || remaining < 0 || remaining > bucket.limit) {
      throw new Error(`remaining must be an integer from 0 to ${bucket.limit} for ${key}; got ${remaining}`);
    }
    bucket.remaining = remaining;
  }

  /** Forgets one bucket, so it starts a full window on its next request. */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Forgets every bucket, so each starts a full window on its next request. */
  reset(): void {
    this.buckets.clear();
  }

  /** Returns the bucket, starting a new window when the last one ended. Stores it only when asked. */
  private currentBucket(key: string, store: boolean): Bucket {
    const now = this.now();
    const existing = this.buckets.get(key);
    if (existing && now < existing.resetAtMs) {
      return existing;
    }

    const limit = limitForKey(key);
    const fresh: Bucket = { limit, remaining: limit, resetAtMs: now + RATE_LIMIT_WINDOW_MS };
    if (store) {
      this.buckets.set(key, fresh);
    }

    return fresh;
  }
}

function toStatus(bucket: Bucket): RateLimitStatus {
  return { limit: bucket.limit, remaining: bucket.remaining, resetSeconds: Math.ceil(bucket.resetAtMs / 1000) };
}
