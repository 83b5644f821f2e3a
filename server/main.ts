import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveWorkbench } from './serve.ts';

/** Entry point of `npm start`: runs the workbench with the client built into dist/client. */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

serveWorkbench({ projectRoot, staticDir: path.join(projectRoot, 'dist', 'client') }).catch((error: unknown) => {
  console.error(`The workbench failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
