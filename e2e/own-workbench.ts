import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A workbench server process of a test's own, started as `npm start` starts it (`node --import tsx
 * server/main.ts`). It listens on ephemeral loopback ports, uses a fresh data folder and writes
 * stdout and stderr to a log file, so that a test can inspect every file the server writes.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const builtClientDir = path.join(projectRoot, 'dist', 'client');

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface OwnWorkbench {
  url: string;
  sandboxUrl: string;
  dataDir: string;
  logFile: string;
  /** Stops the server with SIGTERM, as Ctrl+C would, and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data folder and log. */
  remove(): Promise<void>;
}

export async function startOwnWorkbench(env: Record<string, string> = {}): Promise<OwnWorkbench> {
  buildClientIfMissing();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-own-'));
  const dataDir = path.join(workDir, 'data');
  const logFile = path.join(workDir, 'server.log');
  const logFd = fs.openSync(logFile, 'w');

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...inheritedEnvironment(), PORT: '0', SANDBOX_PORT: '0', WORKBENCH_DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const deadline = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(deadline);
  };

  try {
    const started = await waitForStartLine(logFile, () => child.exitCode !== null);
    const remove = async () => {
      await stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    };
    return { url: started.url, sandboxUrl: started.sandboxUrl, dataDir, logFile, stop, remove };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Returns the runner's environment without WORKBENCH_* settings, so that only the test's own apply. */
function inheritedEnvironment(): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('WORKBENCH_')) {
      inherited[name] = value;
    }
  }

  return inherited;
}

/** Reads the server's "workbench started" log line, which names both listening URLs. */
async function waitForStartLine(logFile: string, hasExited: () => boolean): Promise<{ url: string; sandboxUrl: string }> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
      const entry = parseJsonLine(line);
      if (entry?.msg === 'workbench started' && typeof entry.url === 'string' && typeof entry.sandboxUrl === 'string') {
        return { url: entry.url, sandboxUrl: entry.sandboxUrl };
      }
    }
    if (hasExited()) {
      throw new Error(`The workbench server exited during start; its output:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new Error(`The workbench server did not log "workbench started" within ${START_TIMEOUT_MS} ms; see ${logFile}`);
}

function parseJsonLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) {
    return null;
  }
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Builds the client as `npm start` does when the Playwright web server has not built it yet. */
function buildClientIfMissing(): void {
  if (fs.existsSync(path.join(builtClientDir, 'index.html'))) {
    return;
  }
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    throw new Error(`The client build failed with exit status ${build.status}; run npm run build to see why`);
  }
}
