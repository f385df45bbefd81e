// Which database to use, read from the environment. Shared by prisma.config.ts, lib/db and scripts.
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(): DatabaseProvider {
  const explicit = process.env.DB_PROVIDER;
  if (explicit === "postgresql" || explicit === "postgres") return "postgresql";
  if (explicit === "sqlite") return "sqlite";
  // No explicit choice: a postgres:// DATABASE_URL means PostgreSQL.
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
}

/** SQLite file URL; relative paths resolve from the project root. */
export function sqliteUrl(): string {
  return process.env.SQLITE_URL ?? "file:./data/factmark.db";
}
