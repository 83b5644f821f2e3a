import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnippet } from '../shared/snippets/index.ts';
import { startSandbox, type RunningSandbox } from './sandbox/index.ts';

/**
 * Runs the generated curl scripts against a real sandbox, which verifies OAuth 1.0a signatures,
 * so a wrong base string, encoding or header in the snippet fails here. Needs bash, curl and openssl.
 */

const TWITTER_DEV = '2244994945';

function haveTools(): boolean {
  return ['curl', 'openssl'].every((tool) => spawnSync('bash', ['-c', `command -v ${tool}`]).status === 0);
}

let sandbox: RunningSandbox;
let folder: string;
let credentials: Record<string, string>;
let userId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'snippet-test-seed', port: 0 });
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'snippet-run-'));
  const portal = sandbox.portal();
  const app = portal.apps.find((candidate) => candidate.permission === 'read-write' && candidate.projectAttached)!;
  const token = portal.tokens.find((candidate) => candidate.appName === app.name)!;
  userId = token.userId;
  credentials = {
    X_API_KEY: app.consumerKey,
    X_API_SECRET: app.consumerSecret,
    X_ACCESS_TOKEN: token.accessToken,
    X_ACCESS_TOKEN_SECRET: token.accessTokenSecret,
    X_BEARER_TOKEN: app.bearerToken,
  };
});

afterAll(async () => {
  await sandbox.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Runs the script without blocking the event loop, which the sandbox in this process needs to respond. */
function runScript(name: string, script: string): Promise<{ stdout: string; stderr: string }> {
  const file = path.join(folder, name);
  fs.writeFileSync(file, script);

  return new Promise((resolve, reject) => {
    execFile('bash', [file], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...credentials }, timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${name} failed: ${error.message}; stderr: ${stderr}`));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

describe.skipIf(!haveTools())('curl snippets against the sandbox', () => {
  it('follows with an OAuth 1.0a signature built in bash', async () => {
    const script = generateSnippet('curl', {
      name: 'Follow a user ID',
      method: 'POST',
      url: `${sandbox.url}/2/users/${userId}/following`,
      body: `{"target_user_id": "${TWITTER_DEV}"}`,
      auth: 'oauth1',
    });

    const result = await runScript('follow.sh', script);

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ data: { following: true, pending_follow: false } });
  });

  it('signs encoded query parameters correctly', async () => {
    const script = generateSnippet('curl', {
      name: 'Followers of user ID',
      method: 'GET',
      url: `${sandbox.url}/2/users/${TWITTER_DEV}/followers?max_results=5&user.fields=created_at%2Cprotected`,
      body: null,
      auth: 'oauth1',
    });

    const result = await runScript('followers.sh', script);

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).meta.result_count).toBeGreaterThan(0);
  });

  it('looks up a user with the app bearer token', async () => {
    const script = generateSnippet('curl', {
      name: 'User by Username',
      method: 'GET',
      url: `${sandbox.url}/2/users/by/username/TwitterDev`,
      body: null,
      auth: 'app-only',
    });

    const result = await runScript('lookup.sh', script);

    expect(JSON.parse(result.stdout).data.id).toBe(TWITTER_DEV);
  });

  it('stops with a message when a credential variable is missing', () => {
    const script = generateSnippet('curl', { name: 'Me', method: 'GET', url: `${sandbox.url}/2/users/me`, body: null, auth: 'oauth1' });
    const file = path.join(folder, 'missing.sh');
    fs.writeFileSync(file, script);

    const result = spawnSync('bash', [file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Set X_API_KEY to the API key (consumer key) of your X app");
  });
});

it('curl and openssl are installed for the snippet runs', () => {
  // Keeps the skip above visible: a machine without the tools fails here with the reason.
  expect(haveTools(), 'curl and openssl must be on PATH to run the curl snippets').toBe(true);
  expect(execFileSync('bash', ['--version'], { encoding: 'utf8' })).toContain('bash');
});
