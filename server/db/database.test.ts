import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnWorkbench } from '../testing/workbench-process.ts';
import { DatabaseVersionError, openDatabase } from './database.ts';
import { MIGRATIONS } from './migrations.ts';

const dataDirs: string[] = [];

afterEach(() => {
  for (const dataDir of dataDirs.splice(0)) {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

function databaseFile(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-db-'));
  dataDirs.push(dataDir);

  return path.join(dataDir, 'workbench.db');
}

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('openDatabase', () => {
  it('applies every migration to a new database in WAL mode', () => {
    const file = databaseFile();

    const db = openDatabase(file);
    const journalMode = db.pragma('journal_mode', { simple: true });
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name);
    db.close();

    expect(journalMode).toBe('wal');
    expect(userVersion(file)).toBe(MIGRATIONS.length);
    expect(tables).toEqual(expect.arrayContaining(['workspaces', 'sessions', 'environments', 'environment_variables']));
  });

  it('applies only the migrations that are new', () => {
    const file = databaseFile();
    openDatabase(file, ['CREATE TABLE first (value TEXT);']).close();

    const db = openDatabase(file, ['CREATE TABLE first (value TEXT);', 'CREATE TABLE second (value TEXT);']);
    db.close();

    expect(userVersion(file)).toBe(2);
  });

  it('rolls back a failing migration and names it', () => {
    const file = databaseFile();
    openDatabase(file, ['CREATE TABLE first (value TEXT);']).close();

    const open = () => openDatabase(file, ['CREATE TABLE first (value TEXT);', 'CREATE TABLE second (value TEXT); INSERT INTO missing VALUES (1);']);

    expect(open).toThrow(/^Migration 2 of the database .*workbench\.db failed and was rolled back: no such table: missing$/);
    expect(userVersion(file)).toBe(1);
    const db = new Database(file, { readonly: true });
    const second = db.prepare("SELECT name FROM sqlite_master WHERE name = 'second'").get();
    db.close();
    expect(second).toBeUndefined();
  });

  it('rejects a database written by a newer version', () => {
    const file = databaseFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();

    const open = () => openDatabase(file);

    expect(open).toThrow(DatabaseVersionError);
    expect(open).toThrow(`has schema version ${MIGRATIONS.length + 1}, but this version of the workbench knows only up to ${MIGRATIONS.length}`);
    expect(open).toThrow('upgrade the workbench, or point WORKBENCH_DATA_DIR at another folder');
    expect(userVersion(file)).toBe(MIGRATIONS.length + 1);
  });

  it('stops the server with the reason when the database is newer', async () => {
    const file = databaseFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();

    const started = spawnWorkbench({ dataDir: path.dirname(file) });

    await expect(started).rejects.toThrow('"code":1');
    await expect(started).rejects.toThrow('The workbench failed to start: The database');
    await expect(started).rejects.toThrow('It was written by a newer version');
  });
});
