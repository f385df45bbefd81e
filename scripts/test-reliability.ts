// npm run test:reliability: the heavy half of the reliability suite (issue 10), against a
// production build served by `next start`, on SQLite and on PostgreSQL:
//   1. concurrent edits: 20 clients × 50 updates of the same 3 claims → 0 lost, no version gaps;
//   2. crash durability: kill -9 during 1,000 sequential writes, 3 times → 0 acknowledged writes lost,
//      integrity check clean;
//   3. fuzzing: ≥ 10,000 bodies generated from /api/v1/openapi.json plus hostile uploads →
//      0 answers of 5xx, 0 over 10 s, every 4xx in the error shape, /api/v1/health within 100 ms.
// Builds into .next (RELIABILITY_SKIP_BUILD=1 reuses it: npm test runs this after the e2e build;
// RELIABILITY_DIST_DIR picks another folder), serves on ports 3200–3299,
// makes fresh databases and removes them afterwards. Prints the figures; exits 1 on any failure.
// Knobs: RELIABILITY_PROVIDERS=sqlite,postgresql  RELIABILITY_FUZZ_CASES=10000  RELIABILITY_SEED
//        RELIABILITY_HEALTH_MS=100  RELIABILITY_CLIENTS=20  RELIABILITY_UPDATES=50  RELIABILITY_CRASH_WRITES=1000
//        RELIABILITY_PARTS=concurrency,crash,fuzz  RELIABILITY_PORT (first port; default random in 3200–3299)
//        RELIABILITY_STALL_MS=50 (server event-loop stalls longer than this are logged and counted)
//        RELIABILITY_SERVER_NODE_ARGS (node flags for the server alone, e.g. --cpu-prof)
//        RELIABILITY_FUZZ_CONCURRENCY=4  RELIABILITY_FUZZ_NICE=1 (0: send at the server's priority)  RELIABILITY_CPU_SAMPLE=3 (fuzz cases per operation sent one at a time
//        before the clock starts, for the server CPU per request kind; 0 = off)  RELIABILITY_DB_PREFIX=factmark_rel
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { runConcurrency } from "./reliability/concurrency";
import { runCrash } from "./reliability/crash";
import { runFuzz } from "./reliability/fuzz";
import { Client, createDatabase, DIST_DIR, ROOT, startServer, type Provider, type Server } from "./reliability/harness";
import { BUSY_SHARE, serverStalls, summariseStalls } from "./reliability/stalls";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const providers = (process.env.RELIABILITY_PROVIDERS ?? "sqlite,postgresql").split(",").map((p) => p.trim()) as Provider[];
const seed = num("RELIABILITY_SEED", Date.now() % 1_000_000);
const parts = new Set((process.env.RELIABILITY_PARTS ?? "concurrency,crash,fuzz").split(",").map((p) => p.trim()));
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
let failed = false;

function check(ok: boolean, line: string) {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${line}`);
  if (!ok) failed = true;
}

function build() {
  if (process.env.RELIABILITY_SKIP_BUILD === "1" && existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    console.log(`reusing the build in ${DIST_DIR}`);
    return;
  }
  console.log(`building into ${DIST_DIR} ...`);
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
    throw new Error("the build failed");
  }
  console.log(`build done (${elapsed()})`);
}

/** Undoes the current provider's server and database when the run is interrupted (Ctrl-C, timeout). */
let interrupted: (() => Promise<void>) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping the server and dropping the database`);
    void (interrupted?.() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function suite(provider: Provider, port: number) {
  console.log(`\n== ${provider} (port ${port}) ==`);
  const db = await createDatabase(provider);
  let server: Server | null = null;
  interrupted = async () => {
    await server?.stop();
    await db.drop();
  };
  try {
    server = await startServer(db, port, { traceStallsMs: num("RELIABILITY_STALL_MS", 50) });
    const signIn = (base: string) => Client.signIn(base, "editor@example.com");
    console.log(`  server up (${elapsed()})`);

    if (parts.has("concurrency")) {
      const c = await runConcurrency(await signIn(server.base), num("RELIABILITY_CLIENTS", 20), num("RELIABILITY_UPDATES", 50));
      console.log(`  concurrent edits: ${c.clients} clients × ${c.updatesPerClient} updates: ${c.acknowledged} acknowledged, ${c.conflicts} answered 409, ${c.lost} lost, ${c.versionGaps} version gaps, ${c.historyMismatches} history mismatches (${elapsed()})`);
      check(c.lost === 0 && c.versionGaps === 0 && c.historyMismatches === 0 && c.unexpected.length === 0 && c.acknowledged + c.conflicts === c.clients * c.updatesPerClient, "every update acknowledged or 409; 0 lost, no gaps, one history row per change");
      for (const u of c.unexpected.slice(0, 5)) console.log(`       ${u}`);
    }

    if (parts.has("crash")) {
      const crash = await runCrash(db, server, signIn, 3, num("RELIABILITY_CRASH_WRITES", 1_000));
      server = crash.server;
      const k = crash.figures;
      console.log(`  crash durability: ${k.rounds} × kill -9 during sequential writes: ${k.acknowledged} acknowledged, ${k.lost} lost after restart, integrity problems: ${k.integrityProblems.length} (${elapsed()})`);
      check(k.lost === 0 && k.integrityProblems.length === 0, "every acknowledged write survives kill -9; integrity check clean");
      for (const p of k.integrityProblems.slice(0, 5)) console.log(`       ${p}`);
    }

    if (!parts.has("fuzz")) return;
    const healthLimit = num("RELIABILITY_HEALTH_MS", 100);
    const f = await runFuzz(await signIn(server.base), num("RELIABILITY_FUZZ_CASES", 10_000), seed, healthLimit, server.logFile, {
      concurrency: num("RELIABILITY_FUZZ_CONCURRENCY", 4),
      niceSender: process.env.RELIABILITY_FUZZ_NICE !== "0",
      cpuSamplesPerOperation: num("RELIABILITY_CPU_SAMPLE", 3),
      serverPid: server.child.pid,
    });
    const h = f.health;
    console.log(`  fuzzing (seed ${seed}): ${f.cases} generated bodies + ${f.hostile} hostile requests: ${f.fiveXx} answered 5xx, ${f.hangs} over 10 s, ${f.badShape} 4xx without the error shape (${elapsed()})`);
    console.log(`  health during the fuzzing: ${h.checks} checks, p50 ${h.p50} ms, p99 ${h.p99} ms, max ${h.max} ms, ${h.over} over ${healthLimit} ms or failed; the prober's timer late by p99 ${h.proberLate.p99} ms, max ${h.proberLate.max} ms`);
    if (f.load) {
      const per = (ms: number) => (ms / f.cases).toFixed(1);
      console.log(`  CPU per generated body: server main thread ${per(f.load.server.cpuMs)} ms (+ ${per(f.load.server.waitMs)} ms waiting for a core), server process ${per(f.load.server.processMs)} ms, fuzzer's sending thread ${per(f.load.fuzzer.cpuMs)} ms (+ ${per(f.load.fuzzer.waitMs)} ms waiting)`);
    }
    for (const line of h.where) console.log(`       where the time went, ${line}`);
    if (f.cpu.length) console.log(`  server CPU per request, ${f.cpu.reduce((n, k) => n + k.count, 0)} fuzz cases sent one at a time (median, max): ${f.cpu.slice(0, 8).map((k) => `${k.kind} ${k.medianMs} / ${k.maxMs} ms (${k.count})`).join("; ")}`);
    const stalls = summariseStalls(serverStalls(server.logFile, f.window.from, f.window.to));
    console.log(`  server event loop during the fuzzing: ${stalls.count} stalls over ${server.options.traceStallsMs} ms (longest ${stalls.max} ms), ${stalls.busy} of them busy (the server using ≥ ${BUSY_SHARE * 100}% of a core meanwhile; longest ${stalls.busyMax} ms)`);
    for (const line of stalls.kinds) console.log(`       stall ${line}`);
    check(f.fiveXx === 0 && f.hangs === 0 && f.badShape === 0 && f.problems.length === 0, "0 5xx, 0 hangs, every 4xx in the error shape, hostile inputs refused as expected");
    check(h.checks > 0 && h.p99 <= healthLimit && h.over <= Math.floor(h.checks / 100), `/api/v1/health answered within ${healthLimit} ms (p99, and at least 99% of the checks)`);
    for (const line of h.slow) console.log(`       health ${line}`);
    for (const p of f.problems.slice(0, 15)) console.log(`       ${p}`);
  } finally {
    interrupted = null;
    await server?.stop();
    await db.drop();
  }
}

async function main() {
  build();
  let port = num("RELIABILITY_PORT", 3200 + Math.floor(Math.random() * 50) * 2);
  for (const provider of providers) await suite(provider, port++);
  console.log(`\nreliability suite: ${failed ? "FAILED" : "passed"} in ${elapsed()}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
