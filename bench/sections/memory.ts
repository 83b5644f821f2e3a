import { followPair } from '../bench-requests.ts';
import type { LoadPhase, PhaseResult } from '../load-plan.ts';
import { runLoad } from '../load-runner.ts';
import { readRssBytes } from '../processes.ts';
import type { ProxyRig } from '../proxy-rig.ts';
import { checkTarget, type SectionReport } from '../report.ts';
import { sumErrors } from '../phase-results.ts';

/**
 * Measures the resident memory of a freshly started workbench server after 1,000 sends and after
 * 20,000, sent by 16 concurrent clients, with readings in between to show whether it levels off.
 * Growth would mean that something keeps a piece of every request.
 */

const CONCURRENCY = 16;
const MEBIBYTE = 1024 * 1024;
/** Sends after which RSS is the baseline of the target. */
const BASELINE_SENDS = 1000;

/** Returns the send counts at which RSS is read: the baseline, then each quarter of the total above it. */
function checkpoints(totalSends: number): number[] {
  const quarters = [0.25, 0.5, 0.75, 1].map((fraction) => Math.round(totalSends * fraction));

  return [...new Set([Math.min(BASELINE_SENDS, totalSends), ...quarters.filter((sends) => sends > BASELINE_SENDS)])];
}

export async function measureMemory(rig: ProxyRig, totalSends: number): Promise<SectionReport> {
  const server = await rig.startWorkbench();
  try {
    const target = { kind: 'workbench', baseUrl: server.service.url, environmentId: server.environmentId } as const;
    const phase = (requests: number): LoadPhase => ({
      label: `${requests} sends`,
      target,
      requests: followPair(rig.userId),
      concurrency: CONCURRENCY,
      warmupRequests: 0,
      maxRequests: requests,
      maxSeconds: 240,
      recordLatencies: false,
    });

    const readings = [{ sends: 0, rssBytes: readRssBytes(server.service.pid) }];
    const results: PhaseResult[] = [];
    for (const checkpoint of checkpoints(totalSends)) {
      const sendsSoFar = readings.at(-1)!.sends;
      const [result] = await runLoad([phase(checkpoint - sendsSoFar)]);
      results.push(result!);
      readings.push({ sends: sendsSoFar + result!.requests, rssBytes: readRssBytes(server.service.pid) });
    }

    const baseline = readings[1]!;
    const last = readings.at(-1)!;
    const growth = last.rssBytes / baseline.rssBytes - 1;
    const errors = sumErrors(results);
    const megabytes = (bytes: number) => (bytes / MEBIBYTE).toFixed(1);

    return {
      title: `5. Memory (server RSS, ${CONCURRENCY} clients)`,
      tables: [
        {
          headers: ['sends so far', 'RSS MiB'],
          rows: readings.map((reading) => [reading.sends === 0 ? '0 (after start)' : String(reading.sends), megabytes(reading.rssBytes)]),
        },
      ],
      notes: [
        'RSS is VmRSS from /proc of the server process (node server/main.ts), read right after each batch.',
        ...(errors.first === null ? [] : [`${errors.count} errors; the first: ${errors.first}`]),
      ],
      targets: [
        checkTarget(
          growth <= 0.2 && last.sends === totalSends,
          `RSS after ${last.sends} sends at most 20 % above RSS after ${baseline.sends}: ${megabytes(last.rssBytes)} vs ${megabytes(baseline.rssBytes)} MiB (${(growth * 100).toFixed(1)} %)`,
        ),
      ],
    };
  } finally {
    await server.service.stop();
  }
}
