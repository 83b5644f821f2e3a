import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachePreparedStatements } from './statement-cache.ts';

let db: Database.Database;

function openTestDatabase(maxStatements?: number): Database.Database {
  db = new Database(':memory:');
  cachePreparedStatements(db, maxStatements);
  db.exec("CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT); INSERT INTO users VALUES ('1588987262754234368', 'Ada'), ('2244994945', 'Dev')");

  return db;
}

afterEach(() => {
  db.close();
});

describe('cachePreparedStatements', () => {
  it('returns the same statement for the same SQL', () => {
    openTestDatabase();

    const first = db.prepare('SELECT name FROM users WHERE id = ?');
    const second = db.prepare('SELECT name FROM users WHERE id = ?');

    expect(second).toBe(first);
    expect(db.prepare('SELECT id FROM users WHERE name = ?')).not.toBe(first);
  });

  it('runs a shared statement with each call\'s parameters', () => {
    openTestDatabase();
    const select = 'SELECT name FROM users WHERE id = ?';

    expect(db.prepare(select).get('1588987262754234368')).toEqual({ name: 'Ada' });
    expect(db.prepare(select).get('2244994945')).toEqual({ name: 'Dev' });
    expect(db.prepare(select).get('404')).toBeUndefined();
  });

  it('sees rows written after the statement was compiled', () => {
    openTestDatabase();
    const count = 'SELECT COUNT(*) AS total FROM users';
    expect(db.prepare(count).get()).toEqual({ total: 2 });

    db.prepare('INSERT INTO users VALUES (?, ?)').run('9876543210', 'Ken');

    expect(db.prepare(count).get()).toEqual({ total: 3 });
  });

  it('stops caching at the limit', () => {
    openTestDatabase(1);
    const first = db.prepare('SELECT name FROM users WHERE id = ?');

    const uncached = db.prepare('SELECT id FROM users WHERE name = ?');

    expect(db.prepare('SELECT name FROM users WHERE id = ?')).toBe(first);
    expect(db.prepare('SELECT id FROM users WHERE name = ?')).not.toBe(uncached);
  });

  it('still rejects invalid SQL', () => {
    openTestDatabase();

    expect(() => db.prepare('SELECT name FROM nowhere')).toThrow('no such table: nowhere');
  });
});
