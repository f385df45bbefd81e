// Export benchmark: one article with 1,000 claims (two sources each) exported to PDF, DOCX,
// W3C Web Annotation and ClaimReview JSON-LD. Each format runs in its own child process so
// one format's heap does not inflate another's peak memory. Prints the workload, the median
// wall and CPU time of a few runs per format and of the first (cold) run, the process's peak RSS (maxRSS, which includes
// the runtime, the loaded modules and the 1,000-claim input) and the ratio to each target
// (ratio ≤ 1 meets it; time ratios use CPU time, since on a shared machine wall time also
// counts waiting for a core).
//
//   npx tsx bench/export.bench.ts [claims=1000] [runs=3]
//   npx tsx bench/export.bench.ts [claims] [runs] --format pdf|docx|w3c|claimreview   (one format, JSON line out)
import { spawn } from "node:child_process";
import os from "node:os";
import { exportClaimReview } from "@/lib/exporting/claimreview";
import { exportDocx } from "@/lib/exporting/docx";
import { exportPdf } from "@/lib/exporting/pdf";
import { largeBundle } from "@/lib/exporting/test-fixtures";
import { exportW3c } from "@/lib/exporting/w3c";
import type { ReportBundle } from "@/lib/schemas/report";

const MB = 1024 * 1024;
const MEMORY_TARGET_MB = 400;

interface Case {
  key: string;
  name: string;
  targetMs: number;
  run: (bundle: ReportBundle) => Promise<number>;
}

const CASES: Case[] = [
  { key: "pdf", name: "PDF", targetMs: 2000, run: async (b) => (await exportPdf(b)).byteLength },
  { key: "docx", name: "DOCX", targetMs: 1000, run: async (b) => (await exportDocx(b)).byteLength },
  { key: "w3c", name: "W3C JSON-LD", targetMs: 100, run: async (b) => exportW3c(b).length },
  { key: "claimreview", name: "ClaimReview JSON-LD", targetMs: 100, run: async (b) => exportClaimReview(b).length },
];

interface Result {
  key: string;
  ms: number;
  cpuMs: number;
  coldMs: number;
  coldCpuMs: number;
  bytes: number;
  maxRssMb: number;
  peakHeapMb: number;
}

const formatFlag = process.argv.indexOf("--format");
const positional = process.argv.slice(2).filter((a, i, all) => a !== "--format" && all[i - 1] !== "--format");
const CLAIMS = Number(positional[0] ?? 1000);
const RUNS = Number(positional[1] ?? 3);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Child: runs one format (one warm-up, then RUNS timed runs) and prints one JSON line. */
async function runOne(key: string): Promise<void> {
  const c = CASES.find((x) => x.key === key);
  if (!c) throw new Error(`Unknown format "${key}"; use one of ${CASES.map((x) => x.key).join(", ")}.`);
  const bundle = largeBundle(CLAIMS);
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  // The first run in a fresh process is reported on its own ("cold"): it parses the fonts,
  // shapes every word for the first time and runs before the JIT has warmed up.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await c.run(bundle);
  const coldMs = performance.now() - t0;
  const cd = process.cpuUsage(c0);
  const coldCpuMs = (cd.user + cd.system) / 1000;
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    // CPU time (all threads, GC included) beside wall time: wall time includes waiting for a core.
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    bytes = await c.run(bundle);
    wall.push(performance.now() - t0);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  clearInterval(sampler);
  const result: Result = {
    key,
    ms: median(wall),
    cpuMs: median(cpu),
    coldMs,
    coldCpuMs,
    bytes,
    maxRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in KiB
    peakHeapMb: peakHeap / MB,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Parent: spawns this script once per format (same loader flags) and collects the JSON lines. */
function spawnOne(key: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], String(CLAIMS), String(RUNS), "--format", key], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`The ${key} run failed (exit ${code}): ${out}`));
      else resolve(JSON.parse(line) as Result);
    });
  });
}

async function main() {
  if (formatFlag >= 0) return runOne(process.argv[formatFlag + 1] ?? "");
  const bundle = largeBundle(CLAIMS);
  const sources = bundle.claims.reduce((n, c) => n + c.sources.length, 0);
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at start.`);
  console.log(
    `Workload: 1 article, ${bundle.claims.length} claims, ${sources} sources, ${bundle.article.canonicalText.length.toLocaleString("en")} characters of text; each format in its own process: the first (cold) run, then the median of ${RUNS} more.`,
  );
  let allMet = true;
  for (const c of CASES) {
    const r = await spawnOne(c.key);
    const ratio = r.cpuMs / c.targetMs;
    const coldRatio = r.coldCpuMs / c.targetMs;
    const memRatio = r.maxRssMb / MEMORY_TARGET_MB;
    allMet &&= ratio <= 1 && coldRatio <= 1 && memRatio <= 1;
    console.log(
      `${c.name.padEnd(20)} wall ${r.ms.toFixed(0).padStart(5)} ms  cpu ${r.cpuMs.toFixed(0).padStart(5)} ms (ratio ${ratio.toFixed(2)})   ` +
        `cold: wall ${r.coldMs.toFixed(0).padStart(5)} ms  cpu ${r.coldCpuMs.toFixed(0).padStart(5)} ms (ratio ${coldRatio.toFixed(2)})   target ≤ ${String(c.targetMs).padStart(4)} ms   ` +
        `peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB (≤ ${MEMORY_TARGET_MB}, ratio ${memRatio.toFixed(2)}), heap ${r.peakHeapMb.toFixed(0)} MB   ${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(allMet ? "All targets met (CPU time and peak RSS)." : "Some targets missed (ratio > 1).");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
