import { followPair } from '../bench-requests.ts';
import type { LoadPhase, PhaseResult } from '../load-plan.ts';
import { runLoad } from '../load-runner.ts';
import type { ProxyRig } from '../proxy-rig.ts';
import { checkTarget, formatRatio, type SectionReport } from '../report.ts';
import { cpuPerRequestUs, sumErrors } from '../phase-results.ts';

/**
 * Measures follow/unfollow sends per second with 1, 16 and 64 concurrent clients through the
 * reference proxy and through ours, in front of the same sandbox. Each pair of runs is repeated
 * with the order swapped, so that neither proxy always runs on a warmer machine.
 */

const CONCURRENCIES = [1, 16, 64] as const;
const ROUNDS = 2;
const PROXIES = ['reference', 'workbench'] as const;

export async function measureThroughput(rig: ProxyRig, secondsPerRun: number): Promise<SectionReport> {
  const phases: LoadPhase[] = [];
  for (const concurrency of CONCURRENCIES) {
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? PROXIES : [...PROXIES].reverse();
      for (const proxy of order) {
        phases.push({
          label: `${proxy}:${concurrency}`,
          target: rig.targets[proxy],
          requests: followPair(rig.userId),
          concurrency,
          warmupRequests: 20 * concurrency,
          maxRequests: 1_000_000,
          maxSeconds: secondsPerRun,
          recordLatencies: false,
          watchedPid: rig.pids[proxy],
        });
      }
    }
  }

  const results = await runLoad(phases);
  const rate = (proxy: string, concurrency: number) => {
    const own = results.filter((result) => result.label === `${proxy}:${concurrency}`);
    return { perSecond: sendsPerSecond(own), errors: sumErrors(own), cpuPerSend: cpuPerRequestUs(own) };
  };

  const rows = CONCURRENCIES.map((concurrency) => {
    const reference = rate('reference', concurrency);
    const ours = rate('workbench', concurrency);
    return { concurrency, reference, ours, ratio: ours.perSecond / reference.perSecond };
  });
  const at64 = rows.at(-1)!;
  const firstErrors = rows.flatMap((row) =>
    [row.reference.errors.first, row.ours.errors.first].filter((first): first is string => first !== null).map((first) => `${row.concurrency} clients: ${first}`),
  );

  return {
    title: `2. Throughput (follow/unfollow sends per second, ${ROUNDS} runs of ${secondsPerRun} s per cell)`,
    tables: [
      {
        headers: ['clients', 'reference sends/s', 'ours sends/s', 'ours / reference', 'errors (reference, ours)', 'proxy CPU µs per send (reference, ours)'],
        rows: rows.map((row) => [
          String(row.concurrency),
          row.reference.perSecond.toFixed(0),
          row.ours.perSecond.toFixed(0),
          formatRatio(row.ratio),
          `${row.reference.errors.count}, ${row.ours.errors.count}`,
          `${row.reference.cpuPerSend.toFixed(0)}, ${row.ours.cpuPerSend.toFixed(0)}`,
        ]),
      },
    ],
    notes: [
      'The clients run in one separate load process with keep-alive connections; the sandbox, the reference proxy and our server each run in a process of their own.',
      ...firstErrors.map((first) => `First error at ${first}`),
    ],
    targets: [
      checkTarget(
        at64.ratio >= 0.7 && at64.ours.errors.count === 0,
        `at 64 clients ours at least 0.7 × the reference, with zero errors: ${at64.ours.perSecond.toFixed(0)} vs ${at64.reference.perSecond.toFixed(0)} sends/s (${formatRatio(at64.ratio)}), ${at64.ours.errors.count} errors`,
      ),
    ],
  };
}

function sendsPerSecond(results: PhaseResult[]): number {
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const elapsedMs = results.reduce((sum, result) => sum + result.elapsedMs, 0);

  return (requests / elapsedMs) * 1000;
}
