import type { BenchRequest } from './bench-requests.ts';
import type { OAuth1Credentials } from './oauth1-header.ts';
import type { WorkbenchSession } from './workbench-session.ts';

/** The phases that bench/load-main.ts runs and the results it reports, passed as JSON. */

export type LoadTarget =
  /** Straight to the sandbox, signed by the load process itself. */
  | { kind: 'signed'; baseUrl: string; credentials: OAuth1Credentials }
  /** Unsigned X API calls to the reference proxy, which signs them. */
  | { kind: 'plain'; baseUrl: string }
  /** POST /api/send of the workbench, in the given session or else in a new one. */
  | { kind: 'workbench'; baseUrl: string; environmentId: string; session?: WorkbenchSession }
  /** The request's own method and path on the workbench API, such as GET /api/history, in the given session. */
  | { kind: 'workbench-api'; baseUrl: string; session: WorkbenchSession };

export interface LoadPhase {
  label: string;
  target: LoadTarget;
  /** Each client sends these in order, over and over. */
  requests: BenchRequest[];
  concurrency: number;
  /** Requests sent before the measured part starts, neither timed nor counted. */
  warmupRequests: number;
  /** The measured part stops at this many requests or at maxSeconds, whichever comes first. */
  maxRequests: number;
  maxSeconds: number;
  recordLatencies: boolean;
  /** Process whose CPU time during the measured part is reported, such as the proxy under test. */
  watchedPid?: number;
}

export interface PhaseResult {
  label: string;
  requests: number;
  errors: number;
  /** Status and start of the body of the first failed request, or null when none failed. */
  firstError: string | null;
  elapsedMs: number;
  /** Per-request times in milliseconds; empty unless the phase records them. */
  latenciesMs: number[];
  /** CPU time of the watched process during the measured part, in milliseconds; null without one. */
  watchedCpuMs: number | null;
}

/** Marks the one stdout line of bench/load-main.ts that carries the results. */
export const RESULT_PREFIX = 'bench-result ';
