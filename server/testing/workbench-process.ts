import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real workbench as a child process (`node --import tsx server/main.ts`), for tests that
 * kill it, stop it with a signal or measure its memory. Both ports are ephemeral; the URLs are read
 * from the "running at" lines that the server prints once it listens.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STARTUP_TIMEOUT_MS = 60_000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkbenchProcess {
  url: string;
  sandboxUrl: string;
  pid: number;
  /** Every line the process wrote to stdout or stderr so far, in order. */
  output: string[];
  /** Settles when the process has exited. */
  exited: Promise<ProcessExit>;
  kill(signal: NodeJS.Signals): void;
  /** Resident set size in bytes, from /proc/<pid>/status (Linux only). */
  rssBytes(): number;
}

export interface SpawnOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** Entry script relative to the project root; defaults to server/main.ts. */
  entry?: string;
}

export async function spawnWorkbench(options: SpawnOptions): Promise<WorkbenchProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, options.entry ?? 'server/main.ts')], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TMPDIR: process.env.TMPDIR ?? '',
      PORT: '0',
      SANDBOX_PORT: '0',
      WORKBENCH_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  collectLines(child, output);
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const urls = await waitForUrls(output, exited);
  const pid = child.pid!;

  return {
    ...urls,
    pid,
    output,
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
    rssBytes: () => readRssBytes(pid),
  };
}

function collectLines(child: ChildProcess, output: string[]): void {
  for (const stream of [child.stdout!, child.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      output.push(...lines);
    });
    stream.on('end', () => {
      if (pending !== '') {
        output.push(pending);
      }
    });
  }
}

async function waitForUrls(output: string[], exited: Promise<ProcessExit>): Promise<{ url: string; sandboxUrl: string }> {
  let exit: ProcessExit | null = null;
  void exited.then((value) => {
    exit = value;
  });
  const startedAt = Date.now();

  for (;;) {
    const url = findUrl(output, /running at (http:\/\/\S+)/);
    const sandboxUrl = findUrl(output, /developer portal: (http:\/\/\S+)/);
    if (url && sandboxUrl) {
      return { url, sandboxUrl };
    }
    if (exit) {
      throw new Error(`The workbench exited before it listened (${JSON.stringify(exit)}):\n${output.join('\n')}`);
    }
    if (Date.now() - startedAt > STARTUP_TIMEOUT_MS) {
      throw new Error(`The workbench did not print its URL within ${STARTUP_TIMEOUT_MS} ms:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function findUrl(output: string[], pattern: RegExp): string | null {
  for (const line of output) {
    const match = pattern.exec(line);
    if (match) {
      return match[1]!;
    }
  }

  return null;
}

function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+([0-9]+) kB$/m.exec(status);
  if (!match) {
    throw new Error(`/proc/${pid}/status has no VmRSS line`);
  }

  return Number(match[1]) * 1024;
}
