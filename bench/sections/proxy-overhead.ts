import { followPair } from '../bench-requests.ts';
import type { LoadPhase, LoadTarget, PhaseResult } from '../load-plan.ts';
import { runLoad } from '../load-runner.ts';
import { cpuPerRequestUs, sumErrors } from '../phase-results.ts';
import type { ProxyRig } from '../proxy-rig.ts';
import { checkTarget, formatMs, formatRatio, type SectionReport, type TargetLine } from '../report.ts';
import { summarize, type LatencySummary } from '../stats.ts';

/**
 * Measures the latency of the same follow/unfollow pair, one request at a time, sent straight to
 * the sandbox, through the reference proxy and through our /api/send. The three paths take turns in
 * rounds, so that a slow moment on a shared machine hits all of them alike.
 */

const ROUNDS = 10;
const PATHS = ['direct', 'reference', 'workbench'] as const;
type PathName = (typeof PATHS)[number];
const PATH_NAMES: Record<PathName, string> = {
  direct: '(a) straight to the sandbox',
  reference: '(b) through the reference proxy',
  workbench: '(c) through our /api/send',
};

export async function measureProxyOverhead(rig: ProxyRig, pairs: number): Promise<SectionReport> {
  const requestsPerRound = Math.ceil((pairs * 2) / ROUNDS);
  const phases: LoadPhase[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const path of PATHS) {
      // The first round also warms up the JIT; later rounds only open their connections.
      const warmupRequests = round === 0 ? 200 : 20;
      phases.push({ ...latencyPhase(path, rig.targets[path], rig.userId, requestsPerRound, warmupRequests), watchedPid: rig.pids[path] });
    }
  }

  const results = await runLoad(phases);
  const summaries = {
    direct: summarizePath(results, 'direct'),
    reference: summarizePath(results, 'reference'),
    workbench: summarizePath(results, 'workbench'),
  };
  const added = (path: PathName, percentile: 'p50' | 'p99') => summaries[path].latency[percentile] - summaries.direct.latency[percentile];
  const errorCount = PATHS.reduce((sum, path) => sum + summaries[path].errors.count, 0);

  return {
    title: `1. Proxy overhead (${pairs} follow/unfollow pairs per path, one request at a time)`,
    tables: [
      {
        headers: ['path', 'requests', 'errors', 'p50 ms', 'p99 ms', 'added p50 ms', 'added p99 ms', 'CPU µs per request'],
        rows: PATHS.map((path) => {
          const { latency, errors, cpuPerRequest } = summaries[path];
          return [
            PATH_NAMES[path],
            String(latency.count),
            String(errors.count),
            formatMs(latency.p50),
            formatMs(latency.p99),
            path === 'direct' ? '-' : formatMs(added(path, 'p50')),
            path === 'direct' ? '-' : formatMs(added(path, 'p99')),
            cpuPerRequest.toFixed(0),
          ];
        }),
      },
    ],
    notes: [
      'Each request (a follow or an unfollow) is one sample; "added" is the difference to (a) at the same percentile.',
      'CPU per request is the CPU time of the process doing the work (the sandbox for (a), the proxy for (b) and (c)) divided by the requests, from /proc in steps of 10 ms.',
      ...PATHS.filter((path) => summaries[path].errors.first !== null).map(
        (path) => `First error on ${PATH_NAMES[path]}: ${summaries[path].errors.first}`,
      ),
    ],
    targets: [
      checkAddedTime('p50', 1.5, added('workbench', 'p50'), added('reference', 'p50'), errorCount),
      checkAddedTime('p99', 2, added('workbench', 'p99'), added('reference', 'p99'), errorCount),
    ],
  };
}

interface PathSummary {
  latency: LatencySummary;
  errors: { count: number; first: string | null };
  cpuPerRequest: number;
}

function summarizePath(results: PhaseResult[], path: PathName): PathSummary {
  const own = results.filter((result) => result.label === path);

  return { latency: summarize(own.flatMap((result) => result.latenciesMs)), errors: sumErrors(own), cpuPerRequest: cpuPerRequestUs(own) };
}

/**
 * Compares our added time with the reference's. When the reference adds nothing at that
 * percentile, noise from other work on the machine was larger than the proxy itself, and no
 * ratio can be formed.
 */
function checkAddedTime(percentile: string, limit: number, ours: number, reference: number, errorCount: number): TargetLine {
  const target = `our added ${percentile} at most ${limit} × the reference's`;
  if (reference <= 0) {
    return { status: 'not measured', text: `${target}: the reference added ${formatMs(reference)} ms, below the noise of this run` };
  }
  const ratio = ours / reference;

  return checkTarget(errorCount === 0 && ratio <= limit, `${target}: ${formatMs(ours)} ms vs ${formatMs(reference)} ms (${formatRatio(ratio)})`);
}

function latencyPhase(label: string, target: LoadTarget, userId: string, requests: number, warmupRequests: number): LoadPhase {
  return {
    label,
    target,
    requests: followPair(userId),
    concurrency: 1,
    warmupRequests,
    maxRequests: requests,
    maxSeconds: 60,
    recordLatencies: true,
  };
}
