import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvironmentView, VariableInput } from '../../shared/api.ts';
import { loadOrCreateKeyFile, SecretBox, secretHint } from '../crypto/secret-box.ts';
import { ApiClient } from '../testing/test-workbench.ts';
import { spawnWorkbench, type WorkbenchProcess } from '../testing/workbench-process.ts';
import { KILL_ROUNDS } from './soak.ts';

/**
 * SIGKILLs the real server process at a random moment while clients save environments and send
 * requests, and restarts it on the same data folder. The database must then pass
 * PRAGMA integrity_check and contain every write that a client got a 2xx for: the environments, and
 * the history entry of every send. Each environment is patched by one client at a time, so at most
 * one write per environment is in flight at the kill. Its stored version is therefore the
 * acknowledged one or the one in flight, never older and never a mix.
 */

const SAVE_CLIENTS = 4;
const SEND_CLIENTS = 2;
const PLAIN_VARIABLES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const KILL_DELAY_MIN_MS = 50;
const KILL_DELAY_MAX_MS = 600;

interface TrackedEnvironment {
  name: string;
  /** Version of the last write that got a 2xx, or 0 when none did. */
  ackedVersion: number;
  /** Version of the last write sent. */
  attemptedVersion: number;
}

interface StoredEnvironment {
  id: string;
  name: string;
  variables: Map<string, { plain: string | null; sealed: Buffer | null; hint: string | null }>;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-kill-'));

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function secretFor(name: string, version: number): string {
  return `secret-of-${name}-v${String(version).padStart(3, '0')}`;
}

function variablesFor(name: string, version: number): VariableInput[] {
  return [
    ...PLAIN_VARIABLES.map((key) => ({ key, value: `${name}@${version}` })),
    { key: 'note', secret: true, value: secretFor(name, version) },
  ];
}

/** Creates environments and patches each one twice, one request at a time, until the server dies. */
async function driveSaves(client: ApiClient, prefix: string, tracked: TrackedEnvironment[]): Promise<void> {
  for (let sequence = 0; ; sequence++) {
    const entry: TrackedEnvironment = { name: `${prefix}-${sequence}`, ackedVersion: 0, attemptedVersion: 1 };
    tracked.push(entry);
    const created = await client.request<EnvironmentView>('POST', '/api/environments', {
      name: entry.name,
      baseUrl: 'https://api.x.com',
      variables: variablesFor(entry.name, 1),
    });
    expect(created.status, created.text).toBe(201);
    entry.ackedVersion = 1;

    for (let version = 2; version <= 3; version++) {
      entry.attemptedVersion = version;
      const patched = await client.request('PATCH', `/api/environments/${created.json.id}`, { variables: variablesFor(entry.name, version) });
      expect(patched.status, patched.text).toBe(200);
      entry.ackedVersion = version;
    }
  }
}

/**
 * Sends "User by Username" to the sandbox until the server dies, each with a username of its own
 * (the sandbox returns a 200 with a not-found error), and records the usernames that got a 2xx.
 */
async function driveSends(client: ApiClient, environmentId: string, prefix: string, acknowledged: string[]): Promise<void> {
  for (let sequence = 0; ; sequence++) {
    const username = `${prefix}n${sequence}`;
    const sent = await client.send({ environmentId, requestId: 'user-by-username', pathVariables: { username } });
    expect(sent.status, sent.text).toBe(200);
    acknowledged.push(username);
  }
}

/** Runs a driver until the server is killed. A request that fails after the kill ends the driver quietly. */
async function untilKilled(drive: Promise<unknown>, killed: () => boolean): Promise<void> {
  try {
    await drive;
  } catch (error) {
    if (!killed() || !(error instanceof TypeError)) {
      throw error;
    }
  }
}

function readStoredState(round: number): { integrity: string; environments: Map<string, StoredEnvironment>; historyUsernames: Set<string> } {
  const db = new Database(path.join(dataDir, 'workbench.db'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = db.prepare<[], { id: string; name: string }>("SELECT id, name FROM environments WHERE name LIKE 'round-%'").all();
    const variables = db.prepare<[string], { key: string; plain_value: string | null; sealed_value: Buffer | null; hint: string | null }>(
      'SELECT key, plain_value, sealed_value, hint FROM environment_variables WHERE environment_id = ?',
    );
    const environments = new Map<string, StoredEnvironment>();
    for (const row of rows) {
      const byKey = new Map(variables.all(row.id).map((variable) => [variable.key, { plain: variable.plain_value, sealed: variable.sealed_value, hint: variable.hint }]));
      environments.set(row.name, { id: row.id, name: row.name, variables: byKey });
    }
    const historyUrls = db.prepare<[string], { url: string }>('SELECT url FROM history WHERE url LIKE ?').all(`%/2/users/by/username/r${round}c%`);
    const historyUsernames = new Set(historyUrls.map((row) => row.url.slice(row.url.lastIndexOf('/') + 1)));

    return { integrity, environments, historyUsernames };
  } finally {
    db.close();
  }
}

/** Returns the single version that every variable of the environment contains, or throws when they disagree. */
function storedVersion(environment: StoredEnvironment, secretBox: SecretBox): number {
  const versions = new Set<string>();
  for (const key of PLAIN_VARIABLES) {
    const value = environment.variables.get(key)?.plain ?? 'missing';
    versions.add(value.slice(value.lastIndexOf('@') + 1));
  }
  const note = environment.variables.get('note');
  const secret = note?.sealed ? secretBox.open(note.sealed, `environment:${environment.id}:variable:note`) : 'missing';
  versions.add(String(Number(secret.slice(secret.lastIndexOf('-v') + 2))));
  if (versions.size !== 1) {
    throw new Error(`Environment ${environment.name} contains a mix of writes: versions ${[...versions].join(', ')}`);
  }
  const version = Number([...versions][0]);
  expect(secret).toBe(secretFor(environment.name, version));
  expect(note?.hint).toBe(secretHint(secretFor(environment.name, version)));

  return version;
}

describe('crash durability', () => {
  it(`keeps every acknowledged write through ${KILL_ROUNDS} SIGKILLs`, async () => {
    let server: WorkbenchProcess = await spawnWorkbench({ dataDir });
    const tracked: TrackedEnvironment[] = [];
    let acknowledgedSends = 0;
    const inFlightAtKill = { total: 0, committed: 0 };

    for (let round = 0; round < KILL_ROUNDS; round++) {
      const clients = await Promise.all(Array.from({ length: SAVE_CLIENTS + SEND_CLIENTS }, () => ApiClient.connect(server.url)));
      const sandbox = await clients[0]!.environmentNamed('X Sandbox');
      let killed = false;
      const sentUsernames: string[] = [];
      const drivers = [
        ...clients.slice(0, SAVE_CLIENTS).map((client, index) => untilKilled(driveSaves(client, `round-${round}-client-${index}`, tracked), () => killed)),
        ...clients.slice(SAVE_CLIENTS).map((client, index) => untilKilled(driveSends(client, sandbox.id, `r${round}c${index}`, sentUsernames), () => killed)),
      ];
      const killDelayMs = KILL_DELAY_MIN_MS + Math.random() * (KILL_DELAY_MAX_MS - KILL_DELAY_MIN_MS);
      await new Promise((resolve) => setTimeout(resolve, killDelayMs));

      killed = true;
      server.kill('SIGKILL');
      const exit = await server.exited;
      await Promise.all(drivers);

      expect(exit.signal).toBe('SIGKILL');

      server = await spawnWorkbench({ dataDir });
      const { integrity, environments, historyUsernames } = readStoredState(round);
      const secretBox = new SecretBox(loadOrCreateKeyFile(dataDir));

      expect(integrity, `integrity_check after kill ${round + 1}`).toBe('ok');
      for (const entry of tracked) {
        const stored = environments.get(entry.name);
        if (entry.ackedVersion === 0) {
          continue;
        }
        expect(stored, `acknowledged environment ${entry.name} after kill ${round + 1}`).toBeDefined();
        const version = storedVersion(stored!, secretBox);
        expect(version, `version of ${entry.name} after kill ${round + 1}`).toBeGreaterThanOrEqual(entry.ackedVersion);
        expect(version, `version of ${entry.name} after kill ${round + 1}`).toBeLessThanOrEqual(entry.attemptedVersion);
      }
      for (const entry of tracked.filter((candidate) => candidate.name.startsWith(`round-${round}-`))) {
        if (entry.attemptedVersion > entry.ackedVersion) {
          inFlightAtKill.total += 1;
          const stored = environments.get(entry.name);
          inFlightAtKill.committed += stored && storedVersion(stored, secretBox) === entry.attemptedVersion ? 1 : 0;
        }
      }
      for (const stored of environments.values()) {
        storedVersion(stored, secretBox);
      }
      expect(sentUsernames.filter((username) => !historyUsernames.has(username)), `sends without a history entry after kill ${round + 1}`).toEqual([]);
      acknowledgedSends += sentUsernames.length;
      const listed = await (await ApiClient.connect(server.url)).environments();
      const acknowledged = tracked.filter((entry) => entry.ackedVersion > 0).map((entry) => entry.name);
      expect(listed.map((environment) => environment.name)).toEqual(expect.arrayContaining(acknowledged));
    }

    server.kill('SIGTERM');
    await server.exited;
    const acknowledgedWrites = tracked.reduce((total, entry) => total + entry.ackedVersion, 0);
    console.info(
      `crash durability: ${KILL_ROUNDS} kills, ${acknowledgedWrites} acknowledged writes to ${tracked.length} environments, ` +
        `${inFlightAtKill.total} writes in flight at a kill (${inFlightAtKill.committed} of them committed), ${acknowledgedSends} acknowledged sends, each in the history`,
    );

    expect(acknowledgedWrites).toBeGreaterThan(KILL_ROUNDS);
  }, KILL_ROUNDS * 15_000 + 30_000);
});
