// Starts the workbench: builds the client first when dist/client is missing or older than its
// sources, then runs the server and passes Ctrl+C (SIGINT) and SIGTERM on to it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'client', 'index.html');
const clientSources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

function newestModification(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) {
    return 0;
  }
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) {
    newest = Math.max(newest, newestModification(path.join(target, entry)));
  }
  return newest;
}

function clientIsStale() {
  if (!fs.existsSync(builtIndex)) {
    return true;
  }
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  return clientSources.some((source) => newestModification(source) > builtAt);
}

if (clientIsStale()) {
  console.log('Building the client (dist/client is missing or older than its sources)...');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('The client build failed; see the errors above.');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
