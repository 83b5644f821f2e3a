import { RESULT_PREFIX, type LoadPhase, type PhaseResult } from './load-plan.ts';
import { runProcess, TSX_ARGS } from './processes.ts';

/** Runs the phases in a new load process and returns its results, in phase order. */
export async function runLoad(phases: LoadPhase[]): Promise<PhaseResult[]> {
  // Each phase may spend maxSeconds on its warm-up and again on its measured part.
  const timeoutMs = phases.reduce((sum, phase) => sum + 2 * phase.maxSeconds * 1000, 30_000);
  const stdout = await runProcess('the load process', [...TSX_ARGS, 'bench/load-main.ts', JSON.stringify(phases)], timeoutMs);
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX));
  if (line === undefined) {
    throw new Error(`the load process printed no line starting with "${RESULT_PREFIX}"; its output:\n${stdout.slice(-2000)}`);
  }

  return JSON.parse(line.slice(RESULT_PREFIX.length)) as PhaseResult[];
}
