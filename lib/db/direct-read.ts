import path from "node:path";
import Sqlite, { type Statement } from "better-sqlite3";
import pg from "pg";
import { LruMap } from "../lru";
import { databaseProvider, sqliteUrl } from "./provider";

// Reads of the hottest API paths straight through the driver, beside Prisma: a $queryRaw compiles
// each call (~0.27 ms of CPU for a one-row query against 0.01 ms through better-sqlite3) and
// wraps every date. SQLite: a read-only connection to the same file (WAL: it sees every commit
// of the app's connection); PostgreSQL: a small pool of its own. Rows come back as plain objects
// with dates as the driver's text (see isoDate). Only for reads: writes stay on Prisma.

export interface DirectReader {
  /** Rows of `sql`, written with `?` placeholders (numbered for PostgreSQL here). */
  all<T>(sql: string, args: unknown[]): Promise<T[]>;
}

const STATEMENTS = 200;

function sqliteReader(): DirectReader {
  const file = sqliteUrl().replace(/^file:/, "").replace(/\?.*$/, "");
  const conn = new Sqlite(path.resolve(file), { readonly: true, fileMustExist: true, timeout: 5_000 });
  const kept = new LruMap<string, Statement>(STATEMENTS);
  return {
    async all<T>(sql: string, args: unknown[]) {
      let stmt = kept.get(sql);
      if (!stmt) kept.set(sql, (stmt = conn.prepare(sql)));
      return stmt.all(...args) as T[];
    },
  };
}

const TIMESTAMP_OIDS = new Set([1114 /* timestamp */, 1184 /* timestamptz */]);

function pgReader(): DirectReader {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required when DB_PROVIDER=postgresql");
  const schema = new URL(url).searchParams.get("schema");
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // Prisma's `schema` parameter is not pg's: set the search path ourselves.
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '""')}"` } : {}),
    // Dates stay text (no Date per value, and no local-time reading of `timestamp`).
    types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (TIMESTAMP_OIDS.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  pool.on("error", () => {}); // an idle client's error: the next query gets a fresh one
  const numbered = new LruMap<string, string>(STATEMENTS);
  return {
    async all<T>(sql: string, args: unknown[]) {
      let text = numbered.get(sql);
      if (text === undefined) {
        let n = 0;
        numbered.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
      }
      return (await pool.query({ text, values: args })).rows as T[];
    },
  };
}

const g = globalThis as unknown as { __factmarkDirectReader?: DirectReader | null };

/** The process's direct reader, or null when it cannot be opened (callers fall back to Prisma). */
export function directReader(): DirectReader | null {
  if (g.__factmarkDirectReader !== undefined) return g.__factmarkDirectReader;
  try {
    g.__factmarkDirectReader = databaseProvider() === "postgresql" ? pgReader() : sqliteReader();
  } catch (e) {
    console.error("Direct reads disabled, Prisma serves them:", e);
    g.__factmarkDirectReader = null;
  }
  return g.__factmarkDirectReader;
}

/** A boolean column as the driver returns it (SQLite: 0/1). */
export const truthy = (v: unknown): boolean => v === true || v === 1 || v === 1n;

/**
 * A date column as Date#toISOString() writes it: SQLite holds Prisma's ISO text with +00:00 (or
 * milliseconds since the epoch), PostgreSQL's `timestamp(3)` reads as "YYYY-MM-DD HH:MM:SS[.fff]"
 * in UTC.
 */
export function isoDate(v: unknown): string {
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v)).toISOString();
  const s = String(v);
  if (s.length === 29 && s[10] === "T" && s.endsWith("+00:00")) return `${s.slice(0, 23)}Z`;
  if (s.length === 23 && s[10] === " ") return `${s.slice(0, 10)}T${s.slice(11)}Z`;
  const t = s.replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(t) ? t : `${t}Z`).toISOString();
}
