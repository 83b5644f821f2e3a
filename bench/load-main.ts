/**
 * The load process: runs the phases given as JSON in argv[2] against servers on loopback and
 * prints one line with the results. It runs in a process of its own, so that its work never waits
 * in the event loop of a server that it measures.
 */
import { performance } from 'node:perf_hooks';

import type { BenchRequest } from './bench-requests.ts';
import { HttpClient } from './http-client.ts';
import { RESULT_PREFIX, type LoadPhase, type LoadTarget, type PhaseResult } from './load-plan.ts';
import { buildOAuth1Header } from './oauth1-header.ts';
import { readCpuMs } from './processes.ts';
import { openSession, sessionHeaders } from './workbench-session.ts';

interface Outcome {
  ok: boolean;
  /** Reason for the failure; empty for a success. */
  detail: string;
}

type Sender = (request: BenchRequest) => Promise<Outcome>;

const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):[0-9]+$/;

function describeFailure(status: number, text: string): Outcome {
  return { ok: false, detail: `HTTP ${status}: ${text.slice(0, 300)}` };
}

/** Accepts an X API response only with status 200 and a `data` member. */
function checkXResponse(status: number, text: string): Outcome {
  if (status !== 200 || !('data' in (JSON.parse(text) as object))) {
    return describeFailure(status, text);
  }

  return { ok: true, detail: '' };
}

async function createSender(target: LoadTarget, client: HttpClient): Promise<Sender> {
  if (!LOOPBACK_URL.test(target.baseUrl)) {
    throw new Error(`the load process only sends to loopback origins such as http://127.0.0.1:4000; got ${JSON.stringify(target.baseUrl)}`);
  }

  if (target.kind === 'signed') {
    return async (request) => {
      const url = `${target.baseUrl}${request.path}`;
      const headers: Record<string, string> = { authorization: buildOAuth1Header(request.method, url, target.credentials) };
      if (request.body !== null) {
        headers['content-type'] = 'application/json';
      }
      const response = await client.send(url, { method: request.method, headers, body: request.body });

      return checkXResponse(response.status, response.text);
    };
  }

  if (target.kind === 'plain') {
    return async (request) => {
      const headers: Record<string, string> = request.body === null ? {} : { 'content-type': 'application/json' };
      const response = await client.send(`${target.baseUrl}${request.path}`, { method: request.method, headers, body: request.body });

      return checkXResponse(response.status, response.text);
    };
  }

  if (target.kind === 'workbench-api') {
    return async (request) => {
      const response = await client.send(`${target.baseUrl}${request.path}`, {
        method: request.method,
        headers: sessionHeaders(target.session),
        body: request.body,
      });

      return response.status === 200 ? { ok: true, detail: '' } : describeFailure(response.status, response.text);
    };
  }

  const session = target.session ?? (await openSession(client, target.baseUrl));

  return async (request) => {
    if (request.send === undefined) {
      throw new Error(`${request.method} ${request.path} has no form for /api/send; use the target kind "workbench-api"`);
    }
    const body = JSON.stringify({ environmentId: target.environmentId, ...request.send });
    const response = await client.send(`${target.baseUrl}/api/send`, {
      method: 'POST',
      headers: sessionHeaders(session),
      body,
    });
    if (response.status !== 200) {
      return describeFailure(response.status, response.text);
    }
    const result = JSON.parse(response.text) as { response: { status: number; body: string } };

    return checkXResponse(result.response.status, result.response.body);
  };
}

/** Runs `concurrency` clients until `maxRequests` were started or `maxSeconds` passed. */
async function runClients(
  phase: LoadPhase,
  send: Sender,
  maxRequests: number,
  maxSeconds: number,
  onDone: (outcome: Outcome, latencyMs: number) => void,
): Promise<void> {
  const deadline = performance.now() + maxSeconds * 1000;
  let started = 0;

  const runClient = async () => {
    for (let step = 0; started < maxRequests && performance.now() < deadline; step += 1) {
      started += 1;
      const request = phase.requests[step % phase.requests.length]!;
      const startedAt = performance.now();
      const outcome = await send(request).catch((error: unknown): Outcome => ({ ok: false, detail: String(error) }));
      onDone(outcome, performance.now() - startedAt);
    }
  };

  await Promise.all(Array.from({ length: phase.concurrency }, runClient));
}

async function runPhase(phase: LoadPhase): Promise<PhaseResult> {
  const client = new HttpClient(phase.concurrency);
  try {
    const send = await createSender(phase.target, client);
    await runClients(phase, send, phase.warmupRequests, phase.maxSeconds, () => {});

    const result: PhaseResult = { label: phase.label, requests: 0, errors: 0, firstError: null, elapsedMs: 0, latenciesMs: [], watchedCpuMs: null };
    const cpuAtStart = phase.watchedPid === undefined ? 0 : readCpuMs(phase.watchedPid);
    const startedAt = performance.now();
    await runClients(phase, send, phase.maxRequests, phase.maxSeconds, (outcome, latencyMs) => {
      result.requests += 1;
      if (phase.recordLatencies) {
        result.latenciesMs.push(latencyMs);
      }
      if (!outcome.ok) {
        result.errors += 1;
        result.firstError ??= outcome.detail;
      }
    });
    result.elapsedMs = performance.now() - startedAt;
    if (phase.watchedPid !== undefined) {
      result.watchedCpuMs = readCpuMs(phase.watchedPid) - cpuAtStart;
    }

    return result;
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const phases = JSON.parse(process.argv[2] ?? '[]') as LoadPhase[];
  const results: PhaseResult[] = [];
  for (const phase of phases) {
    results.push(await runPhase(phase));
  }
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  console.error(`The load process failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
