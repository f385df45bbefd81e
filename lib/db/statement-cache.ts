import type { Database, Statement } from "better-sqlite3";
import { LruMap } from "../lru";

// @prisma/adapter-better-sqlite3 prepares every query again (`db.prepare(sql).bind(args)`): SQLite
// parses and plans the statement each time, about a tenth of a claims API request's CPU (the
// joins and subqueries of the claims query, the session query, the sources query). Statements
// are kept by their SQL and reused with the new arguments; SQLite re-prepares a kept statement
// itself when the schema changes. A bound statement is run at once (all() and run() are
// synchronous), so a kept statement is never in use twice.

/** How many distinct statements are kept (least recently used first out). */
export const STATEMENT_CACHE_SIZE = 500;

/** What the adapter does with `prepare(sql)`: bind once and run, or run without arguments. */
interface PreparedLike {
  bind(args: unknown[]): BoundStatement;
  run(): ReturnType<Statement["run"]>;
}

class BoundStatement {
  constructor(
    private readonly stmt: Statement,
    private readonly args: unknown[],
  ) {}

  get reader(): boolean {
    return this.stmt.reader;
  }

  columns() {
    return this.stmt.columns();
  }

  run() {
    return this.stmt.run(...this.args);
  }

  raw() {
    const { stmt, args } = this;
    return { all: () => stmt.raw(true).all(...args) as unknown[][] };
  }
}

/**
 * Makes `client.prepare` (as the Prisma adapter calls it) reuse statements by SQL. Only for a
 * client used through the adapter: the returned object is not a full better-sqlite3 Statement.
 */
export function cachePreparedStatements(client: Database, size = STATEMENT_CACHE_SIZE): void {
  const prepare = client.prepare.bind(client);
  const kept = new LruMap<string, Statement>(size);
  const statement = (sql: string): Statement => {
    let stmt = kept.get(sql);
    if (!stmt) kept.set(sql, (stmt = prepare(sql)));
    return stmt;
  };
  (client as unknown as { prepare: (sql: string) => PreparedLike }).prepare = (sql) => {
    const stmt = statement(sql);
    return { bind: (args) => new BoundStatement(stmt, args), run: () => stmt.run() };
  };
}
