import { describe, expect, it } from "vitest";
import { createPgAdapter } from "@/lib/db/pg-adapter";

// DATABASE_URL reaches `pg` whole (sslmode, application_name, options, …) and the pool size is
// the configured one. PostgreSQL only.

const base = () => new URL(process.env.DATABASE_URL!);
const withParams = (params: Record<string, string>) => {
  const u = base();
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};
const q = (sql: string) => ({ sql, args: [], argTypes: [] });

describe.skipIf(process.env.DB_PROVIDER !== "postgresql")("PostgreSQL connection string", () => {
  it("keeps every parameter of the URL", async () => {
    const adapter = await createPgAdapter(withParams({ application_name: "factmark-url-test", options: "-c statement_timeout=4321" })).connect();
    try {
      const name = await adapter.queryRaw(q("SELECT current_setting('application_name') AS v"));
      const timeout = await adapter.queryRaw(q("SELECT current_setting('statement_timeout') AS v"));
      expect(name.rows[0]?.[0]).toBe("factmark-url-test");
      expect(timeout.rows[0]?.[0]).toBe("4321ms");
    } finally {
      await adapter.dispose();
    }
  });

  it("honours sslmode (the test server has no SSL, so require is refused and disable connects)", async () => {
    const required = await createPgAdapter(withParams({ sslmode: "require" })).connect();
    await expect(required.queryRaw(q("SELECT 1"))).rejects.toThrow();
    await required.dispose().catch(() => undefined);
    const plain = await createPgAdapter(withParams({ sslmode: "disable" })).connect();
    expect((await plain.queryRaw(q("SELECT 1 AS one"))).rows[0]?.[0]).toBe(1);
    await plain.dispose();
  });

  it("opens no more connections than the pool size", async () => {
    const adapter = await createPgAdapter(base().toString(), { max: 2 }).connect();
    try {
      const pids = await Promise.all(Array.from({ length: 6 }, () => adapter.queryRaw(q("SELECT pg_backend_pid() AS pid, pg_sleep(0.1)::text AS slept"))));
      expect(new Set(pids.map((r) => r.rows[0]?.[0])).size).toBeLessThanOrEqual(2);
    } finally {
      await adapter.dispose();
    }
  });
});
