import { followersPage } from '../bench-requests.ts';
import type { LoadPhase } from '../load-plan.ts';
import { runLoad } from '../load-runner.ts';
import { readCredentials, startSandboxProcess } from '../proxy-rig.ts';
import { checkTarget, formatMs, formatRatio, type SectionReport, type TargetLine } from '../report.ts';
import { summarize } from '../stats.ts';
import { sumErrors } from '../phase-results.ts';

/**
 * Measures the time of one page of GET /2/users/:id/followers from the sandbox for a
 * user with 100,000 followers against one with 1,000. A page should cost the page, not the list.
 */

/** Seeded users without followers of their own: ken_tests and margaret_apis. */
const LARGE_LIST_USER = { id: '9876543210', followers: 100_000 };
const SMALL_LIST_USER = { id: '1425364758691827364', followers: 1_000 };
const ROUNDS = 5;

export async function measureFollowerPages(requestsPerList: number): Promise<SectionReport> {
  const sandbox = await startSandboxProcess(
    `${LARGE_LIST_USER.id}:${LARGE_LIST_USER.followers},${SMALL_LIST_USER.id}:${SMALL_LIST_USER.followers}`,
  );
  try {
    const target = { kind: 'signed', baseUrl: sandbox.url, credentials: await readCredentials(sandbox.url) } as const;
    const phases: LoadPhase[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const user of [LARGE_LIST_USER, SMALL_LIST_USER]) {
        phases.push({
          label: user.id,
          target,
          requests: [followersPage(user.id)],
          concurrency: 1,
          warmupRequests: 20,
          maxRequests: Math.ceil(requestsPerList / ROUNDS),
          maxSeconds: 60,
          recordLatencies: true,
        });
      }
    }

    const results = await runLoad(phases);
    const summaryOf = (userId: string) => summarize(results.filter((result) => result.label === userId).flatMap((result) => result.latenciesMs));
    const large = summaryOf(LARGE_LIST_USER.id);
    const small = summaryOf(SMALL_LIST_USER.id);
    const ratio = large.p50 / small.p50;
    const errors = sumErrors(results);

    const targets: TargetLine[] = [
      checkTarget(
        ratio <= 1.5 && errors.count === 0,
        `one followers page for 100,000 followers at most 1.5 × the time for 1,000 (p50): ${formatMs(large.p50)} vs ${formatMs(small.p50)} ms (${formatRatio(ratio)})`,
      ),
    ];

    return {
      title: '6a. Growth with data: followers (first page of 100, straight to the sandbox, one request at a time)',
      tables: [
        {
          headers: ['followers of the user', 'requests', 'p50 ms', 'p99 ms'],
          rows: [
            [LARGE_LIST_USER.followers.toLocaleString('en-US'), String(large.count), formatMs(large.p50), formatMs(large.p99)],
            [SMALL_LIST_USER.followers.toLocaleString('en-US'), String(small.count), formatMs(small.p50), formatMs(small.p99)],
          ],
        },
      ],
      notes: errors.first === null ? [] : [`${errors.count} errors; the first: ${errors.first}`],
      targets,
    };
  } finally {
    await sandbox.stop();
  }
}
