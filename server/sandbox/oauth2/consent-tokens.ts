/**
 * Anti-CSRF values of consent pages. Each page gets a random value bound to its authorization
 * request, and the form's POST must return it once, before it expires. Another site cannot read
 * the page, so it cannot forge the POST.
 */
import { randomBytes } from 'node:crypto';

import { equalInConstantTime } from './constant-time.ts';

/** How long a consent page stays usable. */
export const CONSENT_TOKEN_LIFETIME_MS = 10 * 60 * 1000;
/** Maximum consent pages open at once; the oldest is forgotten first. */
const MAX_CONSENT_TOKENS = 1000;

interface PendingConsent {
  /** The authorization request the page was rendered for, serialised by the caller. */
  requestKey: string;
  expiresAtMs: number;
}

export type ConsentCheck = 'valid' | 'unknown' | 'expired' | 'request_changed';

export class ConsentTokens {
  private readonly pending = new Map<string, PendingConsent>();

  constructor(private readonly now: () => number) {}

  issue(requestKey: string): string {
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    this.pending.set(token, { requestKey, expiresAtMs: now + CONSENT_TOKEN_LIFETIME_MS });
    for (const [key, entry] of this.pending) {
      if (this.pending.size <= MAX_CONSENT_TOKENS && entry.expiresAtMs > now) {
        break;
      }
      this.pending.delete(key);
    }

    return token;
  }

  /** Checks the token against the request and uses it up, so a second POST of the same page fails. */
  take(token: string, requestKey: string): ConsentCheck {
    const entry = this.pending.get(token);
    if (!entry) {
      return 'unknown';
    }
    this.pending.delete(token);
    if (this.now() >= entry.expiresAtMs) {
      return 'expired';
    }

    return equalInConstantTime(entry.requestKey, requestKey) ? 'valid' : 'request_changed';
  }

  clear(): void {
    this.pending.clear();
  }
}
