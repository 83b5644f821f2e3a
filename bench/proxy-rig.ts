import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { SandboxPortal } from '../shared/sandbox-portal.ts';
import { userIdFromAccessToken } from '../shared/ids.ts';
import { HttpClient } from './http-client.ts';
import type { LoadTarget } from './load-plan.ts';
import type { OAuth1Credentials } from './oauth1-header.ts';
import { startService, TSX_ARGS, type StartedService } from './processes.ts';
import { createBenchEnvironment, openSession, type WorkbenchSession } from './workbench-session.ts';

/**
 * The three ways to the same sandbox that the proxy measurements compare, each server in a process
 * of its own. They are (a) straight to a standalone sandbox, (b) through the reference proxy and
 * (c) through the workbench's /api/send, with an environment whose base URL is that sandbox.
 */

export const SERVER_READY_PATTERN = /X API Workbench is running at (http:\/\/\S+)/;
const BENCH_READY_PATTERN = /bench-ready (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

/** High enough that the workbench's per-workspace send limit never stops a benchmark run. */
const UNLIMITED_SENDS_PER_MINUTE = '1000000000';

export interface RunningServer {
  service: StartedService;
  /** The first session, and the ID of the environment "Bench sandbox" in its workspace. */
  session: WorkbenchSession;
  environmentId: string;
  /**
   * Opens another session with an environment "Bench sandbox" of its own. Only in team mode does
   * the session get a workspace of its own. Otherwise all sessions share one workspace, which
   * rejects a second "Bench sandbox" as a duplicate name.
   */
  openWorkspace(): Promise<{ session: WorkbenchSession; environmentId: string }>;
}

export interface ProxyRig {
  sandbox: StartedService;
  reference: StartedService;
  workbench: RunningServer;
  credentials: OAuth1Credentials;
  /** The user whose token signs: the owner of the access token. */
  userId: string;
  targets: { direct: LoadTarget; reference: LoadTarget; workbench: LoadTarget };
  /** The process that does the work of each path: the sandbox for the direct path, else the proxy. */
  pids: { direct: number; reference: number; workbench: number };
  /** Starts one more workbench server in front of the same sandbox, for measurements that need a fresh process. */
  startWorkbench(options?: ServerOptions): Promise<RunningServer>;
  stop(): Promise<void>;
}

export function startSandboxProcess(followers = ''): Promise<StartedService> {
  return startService('the bench sandbox', [...TSX_ARGS, 'bench/sandbox-main.ts'], {
    env: { BENCH_SANDBOX_SEED: randomBytes(16).toString('hex'), BENCH_FOLLOWERS: followers },
    readyPattern: BENCH_READY_PATTERN,
    timeoutMs: START_TIMEOUT_MS,
  });
}

export async function readCredentials(sandboxUrl: string): Promise<OAuth1Credentials> {
  const portal = (await (await fetch(`${sandboxUrl}/portal.json`)).json()) as SandboxPortal;
  const app = portal.apps[0]!;
  const token = portal.tokens.find((candidate) => candidate.appName === app.name)!;

  return {
    consumerKey: app.consumerKey,
    consumerSecret: app.consumerSecret,
    accessToken: token.accessToken,
    tokenSecret: token.accessTokenSecret,
  };
}

export interface ServerOptions {
  /** Gives every session a workspace of its own, as WORKBENCH_TEAM_MODE=1 does. */
  teamMode?: boolean;
}

async function startWorkbenchServer(
  sandboxUrl: string,
  credentials: OAuth1Credentials,
  dataDirs: string[],
  options: ServerOptions = {},
): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-bench-'));
  dataDirs.push(dataDir);
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const profileArgs = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const service = await startService('the workbench server', [...profileArgs, ...TSX_ARGS, 'server/main.ts'], {
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      SANDBOX_PORT: '0',
      WORKBENCH_DATA_DIR: dataDir,
      WORKBENCH_ALLOWED_UPSTREAMS: sandboxUrl,
      WORKBENCH_SENDS_PER_MINUTE: UNLIMITED_SENDS_PER_MINUTE,
      WORKBENCH_TEAM_MODE: options.teamMode ? '1' : '0',
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'info',
    },
    readyPattern: SERVER_READY_PATTERN,
    timeoutMs: START_TIMEOUT_MS,
  });

  const client = new HttpClient(1);
  const openWorkspace = async () => {
    const session = await openSession(client, service.url);
    const environmentId = await createBenchEnvironment(client, service.url, session, sandboxUrl, credentials);
    return { session, environmentId };
  };
  try {
    return { service, ...(await openWorkspace()), openWorkspace };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

export async function startProxyRig(): Promise<ProxyRig> {
  const dataDirs: string[] = [];
  const services: StartedService[] = [];
  const stop = async () => {
    for (const service of services.reverse()) {
      await service.stop();
    }
    for (const dataDir of dataDirs) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  try {
    const sandbox = await startSandboxProcess();
    services.push(sandbox);
    const credentials = await readCredentials(sandbox.url);
    const userId = userIdFromAccessToken(credentials.accessToken);
    if (userId === null) {
      throw new Error('the sandbox access token has no user ID prefix');
    }

    const reference = await startService('the reference proxy', [...TSX_ARGS, 'bench/reference-proxy-main.ts'], {
      env: { BENCH_UPSTREAM: sandbox.url, BENCH_CREDENTIALS: JSON.stringify(credentials) },
      readyPattern: BENCH_READY_PATTERN,
      timeoutMs: START_TIMEOUT_MS,
    });
    services.push(reference);
    const workbench = await startWorkbenchServer(sandbox.url, credentials, dataDirs);
    services.push(workbench.service);

    return {
      sandbox,
      reference,
      workbench,
      credentials,
      userId,
      targets: {
        direct: { kind: 'signed', baseUrl: sandbox.url, credentials },
        reference: { kind: 'plain', baseUrl: reference.url },
        workbench: { kind: 'workbench', baseUrl: workbench.service.url, environmentId: workbench.environmentId },
      },
      pids: { direct: sandbox.pid, reference: reference.pid, workbench: workbench.service.pid },
      async startWorkbench(options) {
        const server = await startWorkbenchServer(sandbox.url, credentials, dataDirs, options);
        services.push(server.service);
        return server;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
