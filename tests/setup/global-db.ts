import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

// Creates a throwaway database for the integration tests, migrates it with the same
// `prisma migrate deploy` that setup uses, and drops it afterwards.
// DB_PROVIDER=postgresql uses PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).

declare module "vitest" {
  export interface ProvidedContext {
    dbEnv: Record<string, string>;
  }
}

function migrate(env: Record<string, string>) {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export default async function setup(project: TestProject) {
  if (process.env.DB_PROVIDER === "postgresql") {
    const admin = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const name = `factmark_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const env = { DB_PROVIDER: "postgresql", DATABASE_URL: url.toString() };
    migrate(env);
    project.provide("dbEnv", env);
    return async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-test-"));
  const env = { DB_PROVIDER: "sqlite", SQLITE_URL: `file:${path.join(dir, "test.db")}` };
  migrate(env);
  project.provide("dbEnv", env);
  return () => rmSync(dir, { recursive: true, force: true });
}
