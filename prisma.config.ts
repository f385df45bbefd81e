import path from "node:path";
import { defineConfig } from "prisma/config";
import { createPgAdapter } from "./lib/db/pg-adapter";
import { PrismaBetterSQLite3Fixed } from "./lib/db/sqlite-adapter";
import { databaseProvider, sqliteUrl } from "./lib/db/provider";

// DB_PROVIDER=sqlite (default, embedded) | postgresql: picks prisma/<folder> for schema and migrations.
const folder = databaseProvider() === "postgresql" ? "postgres" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", folder),
  migrations: { path: path.join("prisma", folder, "migrations") },
  adapter: async () =>
    folder === "postgres"
      ? createPgAdapter(process.env.DATABASE_URL)
      : new PrismaBetterSQLite3Fixed({ url: sqliteUrl() }),
});
