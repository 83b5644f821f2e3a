/**
 * Starts the workbench as server/main.ts does, but serves the client built in BENCH_STATIC_DIR, so
 * that the benchmark measures its own build and never rebuilds dist/client under another process.
 * Prints "bench-ready URL" once it listens.
 */
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { startWorkbench } from '../server/workbench.ts';
import { PROJECT_ROOT } from './processes.ts';

const staticDir = process.env.BENCH_STATIC_DIR ?? '';
if (staticDir === '') {
  throw new Error('BENCH_STATIC_DIR is missing; set it to the folder of a client build');
}

const config = loadConfig(process.env, PROJECT_ROOT);
const workbench = await startWorkbench({ config, logger: createLogger(config.logLevel), staticDir });
console.log(`bench-ready ${workbench.url}`);

process.once('SIGTERM', () => {
  void workbench.close(2000).then(() => process.exit(0));
});
