import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveWorkbench } from '../serve.ts';

/**
 * Entry point for tests that run the workbench as a child process with the client folder of their
 * choice, named in WORKBENCH_TEST_STATIC_DIR, so that they need no client build. Everything else
 * is what main.ts runs.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = process.env.WORKBENCH_TEST_STATIC_DIR;
if (!staticDir) {
  console.error('WORKBENCH_TEST_STATIC_DIR is not set (set it to the folder of the client page to serve)');
  process.exit(1);
}

serveWorkbench({ projectRoot, staticDir }).catch((error: unknown) => {
  console.error(`The workbench failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
