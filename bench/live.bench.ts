// Live updates across servers (issue 15): two app servers (scripts/cluster.mjs) on one fresh
// PostgreSQL database, 200 SSE clients on an article stream split across them, and 20 claim
// writes per second for 60 s made through the services (the way a route handler makes them).
// Prints delivery latency from commit (the write's transaction resolved) to each client,
// p50/p99, events lost (expected: 0), and each server's resident memory; then opens 1,000 idle
// streams on one server and prints the memory they cost.
//
//   npx tsx --conditions=react-server bench/live.bench.ts            full run (needs npm run build)
//   npx tsx --conditions=react-server bench/live.bench.ts --smoke    10 s, 40 clients, 100 idle
// BENCH_PORT (default 3190) and BENCH_PORT+1 are used; PG_ADMIN_URL picks the PostgreSQL server.
import { execFileSync, spawn } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openClient, serverRssMb, type StreamClient } from "./live-clients";

const smoke = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");
const CLIENTS = smoke ? 40 : 200;
const WRITES_PER_S = 20;
const SECONDS = smoke ? 10 : 60;
const IDLE = smoke ? 100 : 1000;
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function main() {
  const dbName = `factmark_bench_live_${Date.now()}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const env = { ...process.env, DB_PROVIDER: "postgresql", DATABASE_URL: url.toString(), NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123", NEXT_TELEMETRY_DISABLED: "1" };
  Object.assign(process.env, env);
  let cluster: ReturnType<typeof spawn> | null = null;
  const clients: StreamClient[] = [];
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "ignore" });
    execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env: { ...env, DEMO_PASSWORD: "bench-Passw0rd-1", SEED_DEMO_FACTCHECK: "0" }, stdio: "ignore" });
    cluster = spawn(process.execPath, ["scripts/cluster.mjs", "--servers", "2", "--port", String(PORT), "--no-migrate"], { env, stdio: ["ignore", "ignore", "inherit"] });
    const { db, disconnectDb } = await import("../lib/db");
    const { insertApiTokenTx } = await import("../lib/server/tokens/create-api-token");
    const { createClaim } = await import("../lib/server/claims/create-claim");
    const { updateClaim } = await import("../lib/server/claims/update-claim");

    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    const actor = { userId: editor.id, email: editor.email, name: editor.name, isSuperAdmin: false };
    const { token } = await db.$transaction((tx) => insertApiTokenTx(tx, editor.id, editor.id, { name: "bench" }));
    const article = await db.article.findFirstOrThrow({ where: { deletedAt: null } });
    // 20 claims on distinct sentences, each written about once a second.
    const sentences = [...new Set(article.canonicalText.split(/(?<=[.!?])\s+/).filter((s) => s.length > 30 && s.length < 300))];
    const claims: { id: string; version: number }[] = [];
    for (const s of sentences) {
      if (claims.length === WRITES_PER_S) break;
      if (article.canonicalText.indexOf(s) !== article.canonicalText.lastIndexOf(s)) continue;
      const c = await createClaim({ actor, articleId: article.id, input: { target: { selector: [{ type: "TextQuoteSelector", exact: s }] } } }).catch(() => null);
      if (c) claims.push({ id: c.id, version: c.version });
    }

    for (let i = 0; i < 120 && !(await fetch(`http://localhost:${PORT + 1}/api/v1/health`).then((r) => r.ok, () => false)); i++) await sleep(500);
    for (let i = 0; i < CLIENTS; i++) clients.push(openClient(`http://localhost:${PORT + (i % 2)}/api/v1/articles/${article.id}/events`, token, now));
    await Promise.all(clients.map((c) => c.ready));
    const rssBefore = [await serverRssMb(PORT), await serverRssMb(PORT + 1)];
    const load = os.loadavg()[0];

    // Writes: every 50 ms one claim's statement changes; commit time = when the service resolved.
    const committed = new Map<string, number>();
    let failed = 0;
    const total = WRITES_PER_S * SECONDS;
    const started = now();
    // Each claim's writes are chained (its version must be current); claims are written in turn.
    const chains = claims.map(() => Promise.resolve());
    for (let n = 0; n < total; n++) {
      const wait = started + (n * 1000) / WRITES_PER_S - now();
      if (wait > 0) await sleep(wait);
      const k = n % claims.length;
      const c = claims[k];
      chains[k] = chains[k].then(() =>
        updateClaim({ actor, claimId: c.id, version: c.version, patch: { statement: `Statement revision ${n}` } }).then(
          (u) => {
            c.version = u.version;
            committed.set(`${c.id}:${u.version}`, now());
          },
          () => void failed++,
        ),
      );
    }
    await Promise.all(chains);
    const wroteFor = (now() - started) / 1000;
    await sleep(2000);

    const latencies: number[] = [];
    let lost = 0;
    for (const client of clients) {
      for (const [key, at] of committed) {
        const got = client.got.get(key);
        if (got === undefined) lost++;
        else latencies.push(Math.max(0, got - at));
      }
    }
    latencies.sort((a, b) => a - b);
    const rssAfter = [await serverRssMb(PORT), await serverRssMb(PORT + 1)];

    // Idle connections: memory per open stream on one server.
    const idleBefore = await serverRssMb(PORT);
    const idle: StreamClient[] = [];
    for (let i = 0; i < IDLE; i++) idle.push(openClient(`http://localhost:${PORT}/api/v1/events`, token, now));
    const idleOk = (await Promise.allSettled(idle.map((c) => c.ready))).filter((r) => r.status === "fulfilled").length;
    await sleep(1000);
    const idleAfter = await serverRssMb(PORT);
    idle.forEach((c) => c.close());

    console.log(`workload: ${CLIENTS} SSE clients (${CLIENTS / 2} per server, 2 servers, one PostgreSQL), ${WRITES_PER_S} writes/s for ${SECONDS} s (${committed.size} committed in ${wroteFor.toFixed(1)} s = ${(committed.size / wroteFor).toFixed(1)}/s achieved, ${failed} failed)`);
    console.log(`load average (1 min) at start: ${load.toFixed(2)} on ${os.cpus().length} cores — figures under load are inflated`);
    console.log(`delivery commit→client: p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms over ${latencies.length} deliveries`);
    console.log(`events lost: ${lost} of ${committed.size * CLIENTS} expected deliveries`);
    console.log(`server RSS: s1 ${rssBefore[0]} → ${rssAfter[0]} MB, s2 ${rssBefore[1]} → ${rssAfter[1]} MB (before → after the writes)`);
    console.log(`idle streams: ${idleOk}/${IDLE} open on s1, RSS ${idleBefore} → ${idleAfter} MB (${idleBefore && idleAfter ? (((idleAfter - idleBefore) * 1024) / Math.max(1, idleOk)).toFixed(1) : "?"} KB per stream)`);
    await disconnectDb();
    if (lost > 0) process.exitCode = 1;
  } finally {
    clients.forEach((c) => c.close());
    if (cluster) {
      cluster.kill("SIGTERM");
      await new Promise((r) => cluster!.once("exit", r));
    }
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
