import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';
import { cachePreparedStatements } from './statement-cache.ts';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `The database ${file} has schema version ${found}, but this version of the workbench knows only up to ${known}. ` +
        'It was written by a newer version: upgrade the workbench, or point WORKBENCH_DATA_DIR at another folder.',
    );
    this.name = 'DatabaseVersionError';
  }
}

/**
 * Opens (or creates) the workbench database in WAL mode and applies pending migrations, each in a
 * transaction of its own. Refuses to open a database whose schema is newer than this code.
 * `migrations` is replaced only by tests.
 */
export function openDatabase(file: string, migrations: readonly string[] = MIGRATIONS): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }
  const db = new Database(file);
  cachePreparedStatements(db);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable in WAL mode against process crashes; only an OS crash or power loss can
  // drop the last transactions.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  try {
    migrate(db, file, migrations);
  } catch (error) {
    db.close();
    throw error;
  }

  return db;
}

function migrate(db: Db, file: string, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new DatabaseVersionError(file, current, migrations.length);
  }

  for (let version = current + 1; version <= migrations.length; version++) {
    const apply = db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new Error(`Migration ${version} of the database ${file} failed and was rolled back: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
