// Discovery benchmark (issue 14, "Speed"): a workspace of 10,000 articles and 200,000 claims
// (plus 50,000 sources), generated with bulk INSERTs into a throwaway database on SQLite and on
// PostgreSQL, then:
//   search          searchWorkspace (the service behind GET /api/v1/search and the header box),
//                   a mix of common, rare, multi-word, name, prefix, hostile and filtered queries,
//                   as an editor and as a reader          target p95 ≤ 50 ms
//   checked before  findSimilarClaims for selections taken from the articles   target p95 ≤ 150 ms
//   check-worthy    getCheckWorthyHints on a 5,000-word article                 target p95 ≤ 300 ms
// Times are in-process service calls (no HTTP), after one warm-up round.
//
//   npx tsx --conditions=react-server bench/search.bench.ts                 both databases
//   npx tsx --conditions=react-server bench/search.bench.ts --db=sqlite     one of them
//   --verbose                     the median time of every search query
//   BENCH_SMOKE=1 (or --smoke)   200 articles × 20 claims, fewer runs (CI)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const smoke = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");
const root = path.join(__dirname, "..");

function providers(): string[] {
  const arg = process.argv.find((a) => a.startsWith("--db="))?.slice(5);
  return arg ? [arg === "postgres" ? "postgresql" : arg] : ["sqlite", "postgresql"];
}

async function withDatabase(provider: string, run: (env: Record<string, string>) => void) {
  if (provider === "postgresql") {
    const admin = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const name = `factmark_bench_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    try {
      run({ DB_PROVIDER: "postgresql", DATABASE_URL: url.toString() });
    } finally {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    }
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "factmark-bench-"));
  try {
    run({ DB_PROVIDER: "sqlite", SQLITE_URL: `file:${path.join(dir, "bench.db")}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `uptime` (figures taken on a loaded machine are inflated: read them with the load average). */
function uptime(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average: ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`;
  }
}

interface Row {
  db: string;
  op: string;
  n: number;
  p50: number;
  p95: number;
  target: number;
  ok: boolean;
}

function summary(file: string) {
  const rows: Row[] = existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row) : [];
  console.log("\nsummary (p95 against the issue's targets):");
  console.log(`  ${"database".padEnd(11)} ${"operation".padEnd(15)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"target".padStart(8)}  verdict`);
  for (const r of rows) {
    console.log(`  ${r.db.padEnd(11)} ${r.op.padEnd(15)} ${`${r.p50.toFixed(1)} ms`.padStart(9)} ${`${r.p95.toFixed(1)} ms`.padStart(9)} ${`${r.target} ms`.padStart(8)}  ${r.ok ? "meets" : "MISSES"} (p95/target ${(r.p95 / r.target).toFixed(2)})`);
  }
}

async function main() {
  console.log(`search bench${smoke ? " (smoke)" : ""}: ${os.cpus().length} cores\n  uptime: ${uptime()}`);
  const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), "factmark-bench-summary-")), "rows.jsonl");
  let failed = false;
  for (const provider of providers()) {
    await withDatabase(provider, (dbEnv) => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...dbEnv, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", BENCH_SUMMARY: summaryFile };
      execFileSync("npx", ["prisma", "migrate", "deploy"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
      const child = spawnSync("npx", ["tsx", "--conditions=react-server", path.join(__dirname, "search-measure.ts"), ...process.argv.filter((a) => a === "--smoke" || a === "--verbose"), ...(smoke ? ["--smoke"] : [])], { cwd: root, env, stdio: "inherit" });
      if (child.status !== 0) failed = true;
      console.log(`  uptime after ${provider}: ${uptime()}`);
    });
  }
  summary(summaryFile);
  rmSync(path.dirname(summaryFile), { recursive: true, force: true });
  console.log(`  uptime: ${uptime()}`);
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
