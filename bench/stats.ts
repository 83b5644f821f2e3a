/** Summary statistics for latency samples in milliseconds. */

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  mean: number;
}

/**
 * Returns the nearest-rank percentile: the smallest sample with at least `percent` % of the
 * samples at or below it. Throws on an empty list, because a percentile of nothing would hide a
 * run that sent no requests.
 */
export function percentile(samples: readonly number[], percent: number): number {
  if (samples.length === 0) {
    throw new Error(`percentile(${percent}) needs at least one sample; got none`);
  }
  if (!(percent > 0 && percent <= 100)) {
    throw new Error(`percent must be above 0 and at most 100; got ${percent}`);
  }

  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((percent / 100) * sorted.length);

  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): LatencySummary {
  const total = samples.reduce((sum, sample) => sum + sample, 0);

  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: total / Math.max(samples.length, 1),
  };
}
