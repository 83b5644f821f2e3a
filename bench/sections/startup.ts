import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startService, type StartedService } from '../processes.ts';
import { SERVER_READY_PATTERN } from '../proxy-rig.ts';
import { checkTarget, formatMs, type SectionReport } from '../report.ts';
import { median } from '../stats.ts';

/**
 * Measures the time from spawning `node scripts/start.mjs` (what `npm start` runs, without npm's own start)
 * to the first successful GET /api/session, with a fresh data folder each time. One untimed start
 * comes first; it also builds dist/client when the client sources are newer than the build.
 */

const POLL_INTERVAL_MS = 2;
const POLL_TIMEOUT_MS = 10_000;
const BUILD_MESSAGE = 'Building the client';

export async function measureStartup(runs: number): Promise<SectionReport> {
  await timeOneStart();

  const times: number[] = [];
  const notes: string[] = [];
  for (let attempt = 0; times.length < runs && attempt < runs * 2; attempt += 1) {
    const { milliseconds, rebuilt } = await timeOneStart();
    if (rebuilt) {
      notes.push('One start rebuilt the client because its sources changed during the run; it was left out.');
      continue;
    }
    times.push(milliseconds);
  }
  const middle = median(times);

  return {
    title: `3. Start-up (${times.length} starts, fresh data folder each)`,
    tables: [
      {
        headers: ['start', ...times.map((_, index) => String(index + 1)), 'median'],
        rows: [['ms to the first 200 from /api', ...times.map(formatMs), formatMs(middle)]],
      },
    ],
    notes,
    targets: [checkTarget(middle < 1500, `start-up under 1500 ms (median): ${formatMs(middle)} ms`)],
  };
}

async function timeOneStart(): Promise<{ milliseconds: number; rebuilt: boolean }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-start-'));
  let service: StartedService | null = null;
  try {
    service = await startService('npm start (scripts/start.mjs)', ['scripts/start.mjs'], {
      env: { HOST: '127.0.0.1', PORT: '0', SANDBOX_PORT: '0', WORKBENCH_DATA_DIR: dataDir },
      readyPattern: SERVER_READY_PATTERN,
      timeoutMs: 120_000,
    });
    await pollUntilOk(`${service.url}/api/session`);

    return { milliseconds: performance.now() - service.spawnedAt, rebuilt: service.output().includes(BUILD_MESSAGE) };
  } finally {
    await service?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function pollUntilOk(url: string): Promise<void> {
  const deadline = performance.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(url).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status === 200) {
      return;
    }
    if (performance.now() > deadline) {
      throw new Error(`${url} did not return 200 within ${POLL_TIMEOUT_MS} ms after the server printed its address (last status ${status})`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
