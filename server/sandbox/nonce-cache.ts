/**
 * Remembers the OAuth 1.0a nonces of accepted requests so that a replay within the timestamp window
 * is rejected. An entry is only needed while its timestamp is inside the window, because a request
 * with an older timestamp is rejected before its nonce is checked, so entries are purged after that.
 */
export class NonceCache {
  /** Key to the time in ms after which the entry's timestamp leaves the window. */
  private readonly expiries = new Map<string, number>();
  private nextPurgeAt = 0;

  constructor(
    private readonly now: () => number,
    private readonly windowMs: number,
  ) {}

  /**
   * Records the nonce and returns true, or returns false when the same consumer key, token, nonce and
   * timestamp were already recorded within the window.
   */
  record(consumerKey: string, token: string, nonce: string, timestampSeconds: number): boolean {
    const now = this.now();
    this.purgeExpired();

    const key = JSON.stringify([consumerKey, token, nonce, timestampSeconds]);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) {
      return false;
    }
    this.expiries.set(key, timestampSeconds * 1000 + this.windowMs);

    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  clear(): void {
    this.expiries.clear();
    this.nextPurgeAt = 0;
  }

  /** Drops expired entries. It scans at most once per tenth of the window, so most calls return at once. */
  purgeExpired(): void {
    const now = this.now();
    if (now < this.nextPurgeAt) {
      return;
    }
    for (const [key, expiry] of this.expiries) {
      if (expiry <= now) {
        this.expiries.delete(key);
      }
    }
    this.nextPurgeAt = now + this.windowMs / 10;
  }
}
