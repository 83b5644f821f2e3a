import type Database from 'better-sqlite3';

/**
 * Makes `db.prepare(sql)` return one compiled statement per SQL text. The stores prepare their
 * SQL where they run it, which keeps each query next to its use, but compiling it again on every
 * call was about 70 % of their SQLite time in a profile of the send endpoint (docs/benchmarks.md).
 * Sharing is safe because a statement keeps no state from one run(), get() or all() to the next.
 *
 * NOTE: a statement from this database must not be changed with pluck(), raw(), expand(),
 * safeIntegers() or bind(), which would change it for every caller, and must not be read with
 * iterate() while the same SQL runs elsewhere. No store does either.
 */
export function cachePreparedStatements(db: Database.Database, maxStatements = 256): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();

  const cachedPrepare = (sql: string): Database.Statement => {
    const cached = statements.get(sql);
    if (cached !== undefined) {
      return cached;
    }
    const statement = prepare(sql);
    // SQL built from many parts could fill the cache without end, so past the limit statements are compiled each time.
    if (statements.size < maxStatements) {
      statements.set(sql, statement);
    }

    return statement;
  };
  db.prepare = cachedPrepare as typeof db.prepare;
}
