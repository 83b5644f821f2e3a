import { useCallback, useEffect, useSyncExternalStore } from 'react';

import type { SendRequest, SendResult } from '../../../../../shared/api.ts';
import { formatSeconds } from '../../../../../shared/explain/format-time.ts';
import { useNow } from '../../../lib/use-now.ts';
import { rateLimitStore, type RateLimitContext } from '../model/rate-limit-store.ts';
import './rate-limit-meter.css';

interface RateLimitMeterProps {
  /** The request and auth context to show; null until an environment is selected. */
  context: RateLimitContext | null;
  /** Every request's last exchange; each new response is recorded once. */
  exchanges: Record<string, { sent: SendRequest; result: SendResult | null }>;
}

/**
 * Shows the latest x-rate-limit-* values of this request in this auth context, with a live
 * countdown to the reset. It loads right after the page, before any send, and records every
 * response from then on.
 */
export default function RateLimitMeter({ context, exchanges }: RateLimitMeterProps) {
  useRecordRateLimits(exchanges);
  const read = useCallback(() => (context === null ? null : rateLimitStore.read(context)), [context]);
  const snapshot = useSyncExternalStore(subscribe, read);
  const now = useNow(snapshot !== null);

  if (snapshot === null) {
    return (
      <p className="rate-limit-meter rate-limit-meter--empty" aria-label="Rate limit">
        Rate limit: shown after the first response
      </p>
    );
  }

  const secondsLeft = (snapshot.localResetAtMs - now) / 1000;
  const tone = meterTone(snapshot.remaining, snapshot.limit);

  return (
    <div className={`rate-limit-meter rate-limit-meter--${tone}`} role="group" aria-label="Rate limit">
      <meter min={0} max={snapshot.limit} value={snapshot.remaining} aria-label="Requests left in this window" />
      <span role="status" aria-label="Requests left">
        {snapshot.remaining}/{snapshot.limit} left
      </span>
      <span role="timer" aria-label="Rate limit reset" className="muted">
        {secondsLeft > 0 ? `resets in ${formatSeconds(secondsLeft)}` : 'window has reset'}
      </span>
    </div>
  );
}

/** Returns "spent" at 0, "low" at a fifth of the limit or less, else "ok". */
function meterTone(remaining: number, limit: number): 'spent' | 'low' | 'ok' {
  if (remaining === 0) {
    return 'spent';
  }

  return remaining * 5 <= limit ? 'low' : 'ok';
}

/** Records the rate-limit headers of every response once, so the meter follows each send. */
function useRecordRateLimits(exchanges: Record<string, { sent: SendRequest; result: SendResult | null }>): void {
  useEffect(() => {
    for (const exchange of Object.values(exchanges)) {
      const result = exchange.result;
      if (result === null || recorded.has(result)) {
        continue;
      }
      recorded.add(result);
      rateLimitStore.record(
        { requestId: exchange.sent.requestId, environmentId: exchange.sent.environmentId, authType: result.authType ?? 'oauth1' },
        result.response.headers,
        Date.now(),
      );
    }
  }, [exchanges]);
}

const recorded = new WeakSet<SendResult>();

function subscribe(listener: () => void): () => void {
  return rateLimitStore.subscribe(listener);
}
