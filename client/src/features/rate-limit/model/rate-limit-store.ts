import type { HeaderList } from '../../../../../shared/api.ts';
import { computeLocalReset } from '../../../../../shared/explain/rate-limit-clock.ts';
import { readRateLimit } from '../../../../../shared/explain/response-facts.ts';

/**
 * The latest x-rate-limit-* values per request and auth context (environment and auth type), kept
 * in memory for the meter beside Send. X counts limits per endpoint and per user or app, so a
 * reading for one environment tells nothing about another.
 */

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  /** The reset on the local clock, in milliseconds, corrected by the response's Date header. */
  localResetAtMs: number;
}

export interface RateLimitContext {
  requestId: string;
  environmentId: string;
  authType: string;
}

type Listener = () => void;

export class RateLimitStore {
  private readonly snapshots = new Map<string, RateLimitSnapshot>();
  private readonly listeners = new Set<Listener>();

  /** Stores the reading of one response; a response without the three headers changes nothing. */
  record(context: RateLimitContext, headers: HeaderList, receivedAtMs: number): void {
    const reading = readRateLimit(headers);
    if (reading === null) {
      return;
    }
    const snapshot: RateLimitSnapshot = {
      limit: reading.limit,
      remaining: reading.remaining,
      localResetAtMs: computeLocalReset(reading.resetSeconds, headers, receivedAtMs),
    };
    this.snapshots.set(contextKey(context), snapshot);
    this.listeners.forEach((listener) => listener());
  }

  read(context: RateLimitContext): RateLimitSnapshot | null {
    return this.snapshots.get(contextKey(context)) ?? null;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }
}

function contextKey(context: RateLimitContext): string {
  return JSON.stringify([context.environmentId, context.authType, context.requestId]);
}

export const rateLimitStore = new RateLimitStore();
