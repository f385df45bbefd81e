// API benchmark (issue 9, targets 3–5), on SQLite and on PostgreSQL, each against a production
// server (`next start`) on a fresh seeded database, 32 concurrent clients:
//   - GET /api/v1/articles/:id/claims (100 claims, signed in) throughput against a plain
//     node:http + better-sqlite3 (or `pg`) server in its own process returning the same rows;
//     target ≥ 0.5×.
//   - create and update a claim: p99 latency; target ≤ 25 ms.
//   - publish an article with 5,000 approved claims (one HTTP request); target ≤ 2 s.
//   - /api/v1/health p99 while a workspace export of 2,000 articles (ZIP of PDFs) runs as a
//     background job; target ≤ 50 ms. Step "syncexport": the same while one synchronous
//     GET /api/v1/exports (CSV of the same articles) is answered, and the request thread's CPU for it.
// Figures measured on a loaded machine are inflated; the ratios come from one run.
//
//   npx tsx --conditions=react-server bench/api.bench.ts [--smoke] [--only sqlite|postgresql]
// BENCH_ONLY=list,writes,publish,export,syncexport runs only those steps (e.g. BENCH_ONLY=export for (5));
// BENCH_EXPORT_ARTICLES sets the export's size (default 2,000; smoke 40).
// Step (5) also prints the server's event-loop delay during the export (scripts/loop-delay.cjs).
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Provider } from "../scripts/reliability/harness";
import { articleWithClaims, childArg, runChild, startApp, type App } from "./support/app-fixture";
import { databaseCpuMs, processCpuMs, withCpu } from "./support/cpu";
import { fmt, latencies, machineLine, percentile, smoke, throughput, uptimeLine, verdict } from "./support/load";

const CLIENTS = 32;
const SECONDS = smoke ? 3 : 10;
const LIST_CLAIMS = 100;
const PUBLISH_CLAIMS = smoke ? 500 : 5_000;
const EXPORT_ARTICLES = Number(process.env.BENCH_EXPORT_ARTICLES ?? (smoke ? 40 : 2_000));
const EXPORT_WINDOW_S = smoke ? 8 : 45;
type Step = "list" | "writes" | "publish" | "export" | "syncexport";
const onlySteps = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const runs = (step: Step) => !onlySteps || onlySteps.includes(step);

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

interface Figures {
  provider: Provider;
  list?: { appRps: number; rawRps: number; appBytes: number; rawBytes: number; appNon2xx: number; appCpuMs: number; rawCpuMs: number };
  create?: { p50: number; p99: number; n: number; failures: number; cpuMs: number };
  update?: { p50: number; p99: number; n: number; failures: number; cpuMs: number };
  publish?: { ms: number; serverCpuMs: number; databaseCpuMs?: number };
  health?: HealthFigures;
  syncHealth?: HealthFigures;
}

interface HealthFigures {
  idleP99: number; busyP99: number; busyN: number; exported: number; exportSeconds: number; exportFinished: boolean; loop: LoopDelay | null; mainThreadCpuMs: number; processCpuMs: number; idleCheckCpuMs: number;
}

async function startRaw(app: App, port: number): Promise<{ url: string; pid: number; stop: () => void }> {
  const target = app.provider === "sqlite" ? app.database.file! : app.database.url!;
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "support", "raw-claims-server.cjs"), app.provider, target, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`raw server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/claims`, pid: child.pid!, stop: () => child.kill() };
}

async function listThroughput(app: App, port: number): Promise<NonNullable<Figures["list"]>> {
  const { article } = await articleWithClaims(app, { claims: LIST_CLAIMS, status: "DRAFT" });
  const path = `/api/v1/articles/${article.id}/claims?limit=${LIST_CLAIMS}`;
  const sample = await app.editor.request("GET", path);
  const appBytes = (await sample.text()).length;
  const raw = await startRaw(app, port);
  try {
    const rawBytes = (await (await fetch(`${raw.url}/${article.id}?limit=${LIST_CLAIMS}`, { headers: { connection: "close" } })).text()).length;
    const appT = await throughput(app.server.base + path, { headers: { cookie: app.editor.cookie, origin: app.server.base }, pid: app.server.child.pid });
    const rawT = await throughput(`${raw.url}/${article.id}?limit=${LIST_CLAIMS}`, { pid: raw.pid });
    return { appRps: appT.rps, rawRps: rawT.rps, appBytes, rawBytes, appNon2xx: appT.non2xx + appT.errors, appCpuMs: appT.cpuMsPerRequest, rawCpuMs: rawT.cpuMsPerRequest };
  } finally {
    raw.stop();
  }
}

async function writes(app: App): Promise<Pick<Required<Figures>, "create" | "update">> {
  const { article, claimIds } = await articleWithClaims(app, { claims: 200, status: "DRAFT" });
  const pid = app.server.child.pid!;
  const created = await withCpu(pid, () => latencies(CLIENTS, SECONDS, async (client, i) => {
    const n = (client * 7 + i) % 200;
    const res = await app.editor.request(
      "POST",
      `/api/v1/articles/${article.id}/claims`,
      JSON.stringify({ target: { selector: [{ type: "TextQuoteSelector", exact: `Statement number ${n} is checked` }] }, statement: `Created ${client}/${i}` }),
    );
    await res.arrayBuffer();
    if (res.status !== 201 && res.status !== 200) throw new Error(String(res.status));
  }));
  // Each client edits its own claim, carrying the version the server answered.
  const versions = new Map<string, number>(claimIds.map((id) => [id, 1]));
  const updated = await withCpu(pid, () => latencies(CLIENTS, SECONDS, async (client, i) => {
    const id = claimIds[client];
    const res = await app.editor.request("PATCH", `/api/v1/claims/${id}`, JSON.stringify({ version: versions.get(id), statement: `Edited ${i}` }));
    const body = (await res.json()) as { version?: number };
    if (!res.ok) throw new Error(String(res.status));
    versions.set(id, body.version ?? versions.get(id)! + 1);
  }));
  const stats = ({ result: r, cpuMs }: { result: { ms: number[]; failures: number }; cpuMs: number }) => ({
    p50: percentile(r.ms, 50),
    p99: percentile(r.ms, 99),
    n: r.ms.length,
    failures: r.failures,
    cpuMs: cpuMs / Math.max(1, r.ms.length + r.failures),
  });
  return { create: stats(created), update: stats(updated) };
}

async function publishLarge(app: App): Promise<NonNullable<Figures["publish"]>> {
  const { article } = await articleWithClaims(app, { claims: PUBLISH_CLAIMS, status: "APPROVED" });
  // CPU as well as wall clock: on a loaded machine the wall clock is mostly waiting for a core.
  // The database's share is read from its backends' /proc entries (PostgreSQL on this machine).
  const pid = app.server.child.pid!;
  const dbCpu = async () => (app.database.url ? databaseCpuMs(app.database.url) : undefined);
  const [server0, db0] = [processCpuMs(pid), await dbCpu()];
  const t0 = performance.now();
  const res = await app.editor.request("POST", `/api/v1/articles/${article.id}/publish`, "{}", "application/json", 120_000);
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`publish answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const db1 = await dbCpu();
  return { ms, serverCpuMs: processCpuMs(pid) - server0, databaseCpuMs: db1 === undefined || db0 === undefined ? undefined : db1 - db0 };
}

async function manyArticles(app: App, count: number) {
  const { db } = await import("../lib/db");
  const { createArticleRow } = await import("../tests/integration/factories");
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, k) =>
        createArticleRow({ workspaceId: app.workspaceId, createdById: app.editorId, title: `Export load ${i + k}`, paragraphs: [`The council approved a budget of ${i + k} million euros on Tuesday.`, "Unemployment fell to 5 percent last year, the office said."] }).then((a) =>
          db.claim.create({ data: { articleId: a.id, exact: "approved a budget", start: 12, end: 29, statement: "Budget approved", verdictKey: "true", status: "DRAFT", createdById: app.editorId, updatedById: app.editorId } }),
        ),
      ),
    );
  }
}

/** Closes the server's event-loop delay window (scripts/loop-delay.cjs) and reads it; null if not measured. */
async function loopDelayWindow(app: App, file: string): Promise<LoopDelay | null> {
  rmSync(file, { force: true });
  try {
    process.kill(app.server.child.pid!, "SIGUSR2");
  } catch {
    return null;
  }
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    try {
      return JSON.parse(readFileSync(file, "utf8")) as LoopDelay;
    } catch {
      /* not written yet */
    }
  }
  return null;
}

/** Runs the workspace export as a background job (ZIP of PDFs) and follows its progress until done or EXPORT_WINDOW_S. */
async function backgroundExport(app: App, t0: number): Promise<{ exported: number; finished: boolean }> {
  const job = await app.editor.json<{ id: string }>("POST", "/api/v1/exports/jobs", { workspace: "demo", format: "zip", articleFormat: "pdf", scope: "all" });
  let status = { status: "QUEUED", progress: 0 };
  while (performance.now() - t0 < EXPORT_WINDOW_S * 1000) {
    status = await app.editor.json<typeof status>("GET", `/api/v1/jobs/${job.id}`);
    if (status.status !== "QUEUED" && status.status !== "RUNNING") break;
    await sleep(500);
  }
  const finished = status.status === "SUCCEEDED";
  if (!finished) await app.editor.request("POST", `/api/v1/jobs/${job.id}/cancel`);
  return { exported: status.progress, finished };
}

/** One synchronous GET /api/v1/exports (a CSV of every article's claims), read to the end. */
async function syncExport(app: App): Promise<{ exported: number; finished: boolean }> {
  const res = await app.editor.request("GET", "/api/v1/exports?workspace=demo&format=csv&scope=all", undefined, undefined, 900_000);
  const csv = await res.text();
  if (!res.ok) throw new Error(`GET /api/v1/exports → ${res.status}: ${csv.slice(0, 300)}`);
  const { db } = await import("../lib/db");
  return { exported: await db.article.count({ where: { workspaceId: app.workspaceId, deletedAt: null } }), finished: true };
}

async function healthDuringExport(app: App, loopFile: string, kind: "job" | "sync"): Promise<HealthFigures> {
  // The workspace already holds the benchmark's other articles; top it up to EXPORT_ARTICLES
  // (the export refuses more than 2,000 articles).
  const { db } = await import("../lib/db");
  const existing = await db.article.count({ where: { workspaceId: app.workspaceId, deletedAt: null } });
  await manyArticles(app, Math.max(0, EXPORT_ARTICLES - existing));
  const health = async () => {
    const res = await fetch(`${app.server.base}/api/v1/health`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(String(res.status));
  };
  const pid = app.server.child.pid!;
  // Warm-up: while the benchmark wrote the articles the server sat idle past pg's 10 s idle
  // timeout, so its first checks open new connections (a PostgreSQL backend each): not idle cost.
  await latencies(4, 1, health);
  const idleCpu0 = processCpuMs(pid, pid);
  const idle = await latencies(4, 3, health);
  // The request thread's CPU per health check with nothing else running, to tell the export's share apart.
  const idleCheckCpuMs = (processCpuMs(pid, pid) - idleCpu0) / Math.max(1, idle.ms.length);
  await loopDelayWindow(app, loopFile);
  const [main0, all0] = [processCpuMs(pid, pid), processCpuMs(pid)];
  const t0 = performance.now();
  const busy: number[] = [];
  let failures = 0;
  const watcher = kind === "job" ? backgroundExport(app, t0) : syncExport(app);
  let done = false;
  void watcher.finally(() => (done = true)).catch(() => {});
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (!done) {
        const s = performance.now();
        try {
          await health();
          busy.push(performance.now() - s);
        } catch {
          failures++;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const loop = await loopDelayWindow(app, loopFile);
  const [mainThreadCpuMs, allCpuMs] = [processCpuMs(pid, pid) - main0, processCpuMs(pid) - all0];
  const { exported, finished } = await watcher;
  if (failures) console.error(`${failures} health requests failed during the export`);
  return { idleP99: percentile(idle.ms, 99), busyP99: percentile(busy, 99), busyN: busy.length, exported, exportSeconds: seconds, exportFinished: finished, loop, mainThreadCpuMs, processCpuMs: allCpuMs, idleCheckCpuMs };
}

async function child(provider: Provider): Promise<void> {
  // BENCH_PORT (default 3960): SQLite server and its raw peer on the next port; PostgreSQL at +4 and +5.
  const first = Number(process.env.BENCH_PORT ?? 3960);
  const base = provider === "sqlite" ? first : first + 4;
  const loopFile = path.resolve(".tmp", `loop-delay-${base}.json`);
  const app = await startApp(provider, base, { NODE_OPTIONS: `--require ${path.resolve("scripts/loop-delay.cjs")}`, LOOP_DELAY_FILE: loopFile });
  try {
    const figures: Figures = { provider };
    if (runs("list")) figures.list = await listThroughput(app, base + 1);
    if (runs("writes")) Object.assign(figures, await writes(app));
    if (runs("publish")) figures.publish = await publishLarge(app);
    if (runs("export")) figures.health = await healthDuringExport(app, loopFile, "job");
    if (runs("syncexport")) figures.syncHealth = await healthDuringExport(app, loopFile, "sync");
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await app.stop();
  }
}

function report(f: Figures) {
  console.log(`\n${f.provider === "sqlite" ? "SQLite" : "PostgreSQL"}`);
  if (f.list) {
    const ratio = f.list.appRps / f.list.rawRps;
    const cpuRatio = f.list.rawCpuMs / f.list.appCpuMs;
    const peer = f.provider === "sqlite" ? "raw better-sqlite3" : "raw pg";
    console.log(
      `  (3) GET claims (${LIST_CLAIMS} claims, ${CLIENTS} clients): app ${fmt(f.list.appRps)} req/s (${fmt(f.list.appBytes / 1024, 1)} KiB), ${peer} ${fmt(f.list.rawRps)} req/s (${fmt(f.list.rawBytes / 1024, 1)} KiB): ratio ${ratio.toFixed(2)} ${verdict(ratio >= 0.5)} (target ≥ 0.5)${f.list.appNon2xx ? `  ${f.list.appNon2xx} non-2xx!` : ""}`,
    );
    console.log(
      `      server CPU per request: app ${fmt(f.list.appCpuMs, 2)} ms, ${peer} ${fmt(f.list.rawCpuMs, 2)} ms: ratio ${cpuRatio.toFixed(2)} ${verdict(cpuRatio >= 0.5)} (the throughput ratio on an idle core; the wall ratio above counts whose turn it was on a loaded machine)`,
    );
  }
  for (const [name, w] of [["create", f.create], ["update", f.update]] as const) {
    if (!w) continue;
    console.log(
      `  (3) ${name} claim: p50 ${fmt(w.p50, 1)} ms  p99 ${fmt(w.p99, 1)} ms ${verdict(w.p99 <= 25)} (target ≤ 25, ratio ${(w.p99 / 25).toFixed(2)})  ${w.n} requests, ${w.failures} failed, server CPU ${fmt(w.cpuMs, 2)} ms per request (${CLIENTS} clients queue behind each other: p99 ≥ ${CLIENTS} × that on one core)`,
    );
  }
  if (f.publish) {
    const p = f.publish;
    const cpu = `server CPU ${fmt(p.serverCpuMs)} ms${p.databaseCpuMs === undefined ? "" : `, database CPU ${fmt(p.databaseCpuMs)} ms`}`;
    console.log(`  (4) publish ${fmt(PUBLISH_CLAIMS)} approved claims: ${fmt(p.ms)} ms ${verdict(p.ms <= 2000)} (target ≤ 2000, ratio ${(p.ms / 2000).toFixed(2)}); ${cpu}`);
  }
  if (f.health) reportHealth(f.health, "as a background job (ZIP of PDFs)");
  if (f.syncHealth) reportHealth(f.syncHealth, "in one request (GET /api/v1/exports, CSV)");
}

function reportHealth(h: HealthFigures, how: string) {
  console.log(
    `  (5) /api/v1/health p99: idle ${fmt(h.idleP99, 1)} ms, during a workspace export of ${fmt(h.exported)} articles ${how} ${fmt(h.busyP99, 1)} ms over ${h.busyN} requests ${verdict(h.busyP99 <= 50)} (target ≤ 50, ratio ${(h.busyP99 / 50).toFixed(2)}); ` +
      `the export ${h.exportFinished ? "finished" : "was stopped after"} ${fmt(h.exportSeconds, 1)} s at ${h.exported} articles (${fmt(h.exported / h.exportSeconds, 1)} articles/s)`,
  );
  // The histogram's 10 ms tick is taken off: what is left is how late the loop ran.
  const late = (ms: number) => fmt(Math.max(0, ms - 10), 1);
  const perArticle = (ms: number) => fmt(ms / Math.max(1, h.exported), 1);
  const exportShare = Math.max(0, h.mainThreadCpuMs - h.busyN * h.idleCheckCpuMs);
  console.log(
    `      server CPU during the export: request thread ${fmt(h.mainThreadCpuMs)} ms, of which ${fmt(exportShare)} ms beyond what ${h.busyN} health checks cost idle (${fmt(h.idleCheckCpuMs, 2)} ms each): ${perArticle(exportShare)} ms per article exported; whole process ${fmt(h.processCpuMs)} ms (${perArticle(h.processCpuMs)} ms per article)`,
  );
  if (h.loop) console.log(`      server event-loop delay during the export: p50 ${late(h.loop.p50)} ms  p99 ${late(h.loop.p99)} ms  max ${late(h.loop.max)} ms (${fmt(h.loop.samples)} ticks)`);
}

async function main() {
  const arg = childArg();
  if (arg) return child(arg as Provider);
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
  console.log(machineLine());
  console.log(`Workload${smoke ? " (smoke)" : ""}: ${CLIENTS} concurrent clients, ${SECONDS} s per measurement; publish ${fmt(PUBLISH_CLAIMS)} claims; export ${fmt(EXPORT_ARTICLES)} articles.`);
  for (const provider of ["sqlite", "postgresql"] as const) {
    if (only && only !== provider) continue;
    report(await runChild<Figures>(provider));
  }
  console.log(`\n${uptimeLine()}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
