import "server-only";
// (pg-adapter, sqlite-adapter and provider stay importable without it: prisma.config.ts loads them
// into the Prisma CLI, which knows no "react-server" condition.)
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/lib/generated/postgres/client";
import { env } from "@/lib/env";
import { createPgAdapter } from "./pg-adapter";
import { databaseProvider, sqliteUrl } from "./provider";
import { DurableSQLite3 } from "./sqlite-adapter";
import { assertWellFormedWrite } from "./well-formed-strings";

// One codebase, two providers. Both generated clients come from the same models.prisma,
// so their APIs are identical; everything is typed as the SQLite client.
export type Db = SqliteClient;
/** The client handed to a $transaction callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): Db {
  // Prisma's defaults (2 s to start a transaction, 5 s to run it) refused writes of a burst with
  // P2028 while they waited their turn for a connection or for a row lock held by a concurrent
  // update of the same claim; transactions are short, so queueing them is what we want.
  const transactionOptions = { maxWait: env().DB_TRANSACTION_WAIT_MS, timeout: env().DB_TRANSACTION_TIMEOUT_MS };
  if (databaseProvider() === "postgresql") {
    return new PgClient({ adapter: createPgAdapter(process.env.DATABASE_URL, { max: env().DB_POOL_SIZE }), transactionOptions }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new DurableSQLite3({ url: sqliteUrl() }), transactionOptions });
}

function createDb(): Db {
  // Strings that are not valid Unicode are refused before any write (well-formed-strings.ts).
  return createClient().$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          assertWellFormedWrite(model, operation, args);
          return query(args);
        },
      },
    },
  }) as unknown as Db;
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
