// Development mode: the API server restarts when a server file changes (tsx watch), and Vite serves
// the client with hot reload on http://127.0.0.1:5173, forwarding /api to the server on port 4000.
// Vite forwards the browser's Host header, so the server accepts 127.0.0.1:5173 and localhost:5173 too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '4000';
const children = [
  spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, WORKBENCH_PUBLIC_HOSTS: process.env.WORKBENCH_PUBLIC_HOSTS ?? '127.0.0.1:5173,localhost:5173' },
  }),
  spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WORKBENCH_DEV_API: `http://127.0.0.1:${apiPort}` },
  }),
];

function stopAll(signal) {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill(signal);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll(signal));
}
for (const child of children) {
  child.on('exit', (code) => {
    stopAll('SIGTERM');
    process.exitCode = code ?? 0;
  });
}
