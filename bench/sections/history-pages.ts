import { followPair, historyPage } from '../bench-requests.ts';
import type { LoadPhase, LoadTarget } from '../load-plan.ts';
import { runLoad } from '../load-runner.ts';
import type { ProxyRig } from '../proxy-rig.ts';
import { checkTarget, formatMs, formatRatio, type SectionReport } from '../report.ts';
import { summarize } from '../stats.ts';
import { sumErrors } from '../phase-results.ts';

/**
 * Measures the time of one page of GET /api/history for a workspace with 1,000
 * entries (the most a workspace keeps) against one with 10. Both pages hold 10 entries, so the
 * difference can only come from the length of the list.
 */

const LARGE_HISTORY = 1000;
const SMALL_HISTORY = 10;
const PAGE_SIZE = 10;
const ROUNDS = 5;

export async function measureHistoryPages(rig: ProxyRig, requestsPerList: number): Promise<SectionReport> {
  const server = await rig.startWorkbench({ teamMode: true });
  try {
    const small = await server.openWorkspace();
    const workspaces = [
      { label: 'large', entries: LARGE_HISTORY, session: server.session, environmentId: server.environmentId },
      { label: 'small', entries: SMALL_HISTORY, ...small },
    ];

    const fill = await runLoad(
      workspaces.map((workspace) => ({
        label: `fill ${workspace.label}`,
        target: { kind: 'workbench', baseUrl: server.service.url, environmentId: workspace.environmentId, session: workspace.session },
        requests: followPair(rig.userId),
        concurrency: 4,
        warmupRequests: 0,
        maxRequests: workspace.entries,
        maxSeconds: 120,
        recordLatencies: false,
      })),
    );
    const fillErrors = sumErrors(fill);

    const phases: LoadPhase[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const workspace of workspaces) {
        const target: LoadTarget = { kind: 'workbench-api', baseUrl: server.service.url, session: workspace.session };
        phases.push({
          label: workspace.label,
          target,
          requests: [historyPage(PAGE_SIZE)],
          concurrency: 1,
          warmupRequests: 20,
          maxRequests: Math.ceil(requestsPerList / ROUNDS),
          maxSeconds: 60,
          recordLatencies: true,
        });
      }
    }
    const results = await runLoad(phases);
    const summaryOf = (label: string) => summarize(results.filter((result) => result.label === label).flatMap((result) => result.latenciesMs));
    const large = summaryOf('large');
    const smallSummary = summaryOf('small');
    const ratio = large.p50 / smallSummary.p50;
    const errors = sumErrors([...fill, ...results]);

    return {
      title: `6b. Growth with data: history (first page of ${PAGE_SIZE} entries through /api/history, one request at a time)`,
      tables: [
        {
          headers: ['entries in the workspace', 'requests', 'p50 ms', 'p99 ms'],
          rows: [
            [LARGE_HISTORY.toLocaleString('en-US'), String(large.count), formatMs(large.p50), formatMs(large.p99)],
            [String(SMALL_HISTORY), String(smallSummary.count), formatMs(smallSummary.p50), formatMs(smallSummary.p99)],
          ],
        },
      ],
      notes: [
        `The history was filled with follow/unfollow sends through /api/send (${fill.map((result) => result.requests).join(' and ')} sends, ${fillErrors.count} errors).`,
        ...(errors.first === null ? [] : [`${errors.count} errors; the first: ${errors.first}`]),
      ],
      targets: [
        checkTarget(
          ratio <= 1.5 && errors.count === 0,
          `one history page with 1,000 entries at most 1.5 × the time with 10 (p50): ${formatMs(large.p50)} vs ${formatMs(smallSummary.p50)} ms (${formatRatio(ratio)})`,
        ),
      ],
    };
  } finally {
    await server.service.stop();
  }
}
