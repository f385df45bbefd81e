import { createServer, request, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/health/route";
import { databaseProvider } from "@/lib/db/provider";

// scripts/fast-health.cjs, the preload that `npm start` runs the server with: it answers
// GET /api/v1/health before Next's router, checking this run's database on its own connection.
type HealthBody = { status: string; database: { ok: boolean; provider: string; latencyMs: number; error?: string } };
const load = () => {
  const require = createRequire(import.meta.url);
  const file = require.resolve("../../scripts/fast-health.cjs");
  delete require.cache[file];
  return require(file) as { install(): void; checkDatabase(): Promise<HealthBody["database"]> };
};

describe("health answered by the preload", () => {
  let server: Server;
  let port = 0;
  let appAnswers = 0;

  beforeAll(async () => {
    load().install();
    // Stands in for Next: answers the health check itself, as the route does.
    server = createServer((req, res) => {
      appAnswers++;
      void GET().then(async (r) => {
        res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "" });
        res.end(await r.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, method = "GET") =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });

  it("passes checks to the app until the app has answered one, then answers them itself with the route's body", async () => {
    const first = await get("/api/v1/health");
    expect(appAnswers).toBe(1);
    const route = JSON.parse(first.body) as HealthBody;

    const second = await get("/api/v1/health?x=1");
    expect(appAnswers).toBe(1);
    expect(second.status).toBe(200);
    expect(second.headers["content-type"]).toBe("application/json");
    expect(second.headers["x-content-type-options"]).toBe("nosniff");
    const body = JSON.parse(second.body) as HealthBody;
    expect(body).toEqual({ status: "ok", database: { ok: true, provider: databaseProvider(), latencyMs: body.database.latencyMs } });
    expect(Object.keys(body.database).sort()).toEqual(Object.keys(route.database).sort());

    const head = await get("/api/v1/health", "HEAD");
    expect([head.status, head.body, appAnswers]).toEqual([200, "", 1]);
    // Other paths and methods still reach the app.
    await get("/api/v1/healthz");
    await get("/api/v1/health", "POST");
    expect(appAnswers).toBe(3);
  });

  it("reports a database that does not answer as degraded", async () => {
    const saved = { SQLITE_URL: process.env.SQLITE_URL, DATABASE_URL: process.env.DATABASE_URL };
    const fresh = load();
    try {
      if (databaseProvider() === "postgresql") {
        const url = new URL(process.env.DATABASE_URL!);
        url.pathname = "/factmark_no_such_database";
        process.env.DATABASE_URL = url.toString();
      } else process.env.SQLITE_URL = "file:/nonexistent/factmark.db";
      const database = await fresh.checkDatabase();
      expect(database.ok).toBe(false);
      expect(database.provider).toBe(databaseProvider());
      expect(database.error).toBeTruthy();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
