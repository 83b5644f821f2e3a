import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Child processes of the benchmark: servers that print a ready line with their URL, and the load
 * process. Each child leads a process group of its own, so that stopping it also stops anything it
 * started (scripts/start.mjs starts the server as a child). Every child is stopped on exit.
 */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs TypeScript entry points the way `npm start` does. */
export const TSX_ARGS = ['--import', 'tsx'];

const running = new Set<ChildProcess>();
const KEPT_OUTPUT_CHARS = 4000;

export interface StartedService {
  name: string;
  pid: number;
  url: string;
  /** When the process was spawned, on performance.now(). */
  spawnedAt: number;
  /** The last few thousand characters of stdout and stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  env?: Record<string, string>;
  /** Matches the ready line; its first group is the URL. */
  readyPattern: RegExp;
  timeoutMs: number;
}

/** Starts a server process and waits for its ready line. */
export function startService(name: string, args: string[], options: ServiceOptions): Promise<StartedService> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stderr!.on('data', keep);

  return new Promise((resolve, reject) => {
    let ready = false;
    let pending = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(new Error(`${name} ${reason}. Its last output:\n${output}`)));
    };
    const timer = setTimeout(() => fail(`printed no ready line within ${options.timeoutMs} ms`), options.timeoutMs);

    // stdout is read to the end, so that a server logging to it never blocks on a full pipe.
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (ready) {
        return;
      }
      pending = (pending + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
      const match = options.readyPattern.exec(pending);
      if (!match) {
        return;
      }
      ready = true;
      clearTimeout(timer);
      resolve({
        name,
        pid: child.pid!,
        url: match[1]!,
        spawnedAt,
        output: () => output,
        stop: () => stopChild(child),
      });
    });
    child.once('exit', (code, signal) => {
      if (!ready) {
        fail(`exited with ${signal ?? `code ${code}`} before it was ready`);
      }
    });
  });
}

/** Runs a process to its end and returns its stdout; throws with its stderr when it fails or times out. */
export function runProcess(name: string, args: string[], timeoutMs: number): Promise<string> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopChild(child).then(() => reject(new Error(`${name} did not finish within ${timeoutMs} ms. Its stderr:\n${stderr}`)));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code === 0) {
        resolve(stdout);
        return;
      }
      reject(new Error(`${name} failed with ${signal ?? `exit code ${code}`}. Its stderr:\n${stderr}`));
    });
  });
}

/** Sends SIGTERM to the child's process group, and SIGKILL when it is still running after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const killTimer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(killTimer);
  // The group may still hold a grandchild that ignored SIGTERM.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

/** Stops every child that is still running, at once and without waiting; for exit handlers. */
export function killAllChildren(): void {
  for (const child of running) {
    if (child.pid !== undefined) {
      signalGroup(child.pid, 'SIGKILL');
    }
  }
  running.clear();
}

/** Returns the resident set size of a process in bytes, from /proc (Linux only). */
export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+([0-9]+) kB$/m.exec(status);
  if (!match) {
    throw new Error(`/proc/${pid}/status has no VmRSS line`);
  }

  return Number(match[1]) * 1024;
}

/**
 * Clock ticks per second of the utime and stime fields in /proc. NOTE: this is USER_HZ, 100 on
 * Linux on x86 and ARM; Node offers no way to read it, so it is not checked.
 */
const CLOCK_TICKS_PER_SECOND = 100;

/** Returns the CPU time (user and system) that a process has used so far, in milliseconds, from /proc (Linux only). */
export function readCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in brackets may contain spaces, so the fields are counted after its closing bracket.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);

  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
