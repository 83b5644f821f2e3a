import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in the system Chromium, because browser downloads are not possible here. They
 * run against the real server started by `npm start`, with a fresh data folder per run. Team mode
 * gives every test's browser context a workspace of its own.
 */

const port = Number(process.env.E2E_PORT ?? 4170);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? port + 1);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-e2e-'));
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/session`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      WORKBENCH_DATA_DIR: dataDir,
      WORKBENCH_TEAM_MODE: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
