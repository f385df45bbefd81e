import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/lib/generated/postgres/client";
import { createPgAdapter } from "./pg-adapter";
import { databaseProvider, sqliteUrl } from "./provider";

// One codebase, two providers. Both generated clients come from the same models.prisma,
// so their APIs are identical; everything is typed as the SQLite client.
export type Db = SqliteClient;
/** The client handed to a $transaction callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createDb(): Db {
  if (databaseProvider() === "postgresql") {
    return new PgClient({ adapter: createPgAdapter(process.env.DATABASE_URL) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl() }) });
}

// Kept on globalThis so dev reloads and test files reuse one connection pool.
const g = globalThis as unknown as { __factmarkDb?: Db };

export const db: Db = g.__factmarkDb ?? (g.__factmarkDb = createDb());

/** Close the shared client (tests and scripts). */
export async function disconnectDb(): Promise<void> {
  if (g.__factmarkDb) {
    await g.__factmarkDb.$disconnect();
    delete g.__factmarkDb;
  }
}
