import type { PhaseResult } from './load-plan.ts';

/** Totals over the results of several load phases. */

/** Returns the watched process's CPU time per request in microseconds, over all the results. */
export function cpuPerRequestUs(results: PhaseResult[]): number {
  const cpuMs = results.reduce((sum, result) => sum + (result.watchedCpuMs ?? 0), 0);
  const requests = results.reduce((sum, result) => sum + result.requests, 0);

  return (cpuMs * 1000) / Math.max(requests, 1);
}

export function sumErrors(results: PhaseResult[]): { count: number; first: string | null } {
  return {
    count: results.reduce((sum, result) => sum + result.errors, 0),
    first: results.find((result) => result.firstError !== null)?.firstError ?? null,
  };
}
