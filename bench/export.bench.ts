// Export benchmark: one article with 1,000 claims (two sources each) exported to PDF, DOCX,
// W3C Web Annotation and ClaimReview JSON-LD. Prints the workload, the median of a few runs
// per format, the peak memory seen (RSS and heap, sampled every 5 ms and after each run), and
// the ratio to each target (ratio ≤ 1 meets it).
//
//   npx tsx bench/export.bench.ts [claims=1000] [runs=3]
import os from "node:os";
import { exportClaimReview } from "@/lib/exporting/claimreview";
import { exportDocx } from "@/lib/exporting/docx";
import { exportPdf } from "@/lib/exporting/pdf";
import { largeBundle } from "@/lib/exporting/test-fixtures";
import { exportW3c } from "@/lib/exporting/w3c";

const CLAIMS = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 3);
const MB = 1024 * 1024;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 5);

interface Case {
  name: string;
  targetMs: number;
  run: () => Promise<number>;
}

// CPU time (all threads, GC included) is printed beside wall time: on a shared machine wall
// time includes waiting for a core, CPU time does not.
async function time(fn: () => Promise<number>): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  sample();
  return { ms, cpuMs: (c.user + c.system) / 1000, bytes };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const bundle = largeBundle(CLAIMS);
  const sources = bundle.claims.reduce((n, c) => n + c.sources.length, 0);
  console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at start.`);
  console.log(
    `Workload: 1 article, ${bundle.claims.length} claims, ${sources} sources, ${bundle.article.canonicalText.length.toLocaleString("en")} characters of text; ${RUNS} runs per format (after one warm-up), median reported.`,
  );
  const cases: Case[] = [
    { name: "PDF", targetMs: 2000, run: async () => (await exportPdf(bundle)).byteLength },
    { name: "DOCX", targetMs: 1000, run: async () => (await exportDocx(bundle)).byteLength },
    { name: "W3C JSON-LD", targetMs: 100, run: async () => exportW3c(bundle).length },
    { name: "ClaimReview JSON-LD", targetMs: 100, run: async () => exportClaimReview(bundle).length },
  ];
  const rows: string[] = [];
  let allMet = true;
  for (const c of cases) {
    await time(c.run); // warm-up (font parsing, JIT)
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await time(c.run));
    const ms = median(results.map((r) => r.ms));
    const cpuMs = median(results.map((r) => r.cpuMs));
    const ratio = ms / c.targetMs;
    allMet &&= ratio <= 1;
    rows.push(
      `${c.name.padEnd(20)} ${ms.toFixed(1).padStart(9)} ms (cpu ${cpuMs.toFixed(0).padStart(5)} ms)   target ≤ ${String(c.targetMs).padStart(5)} ms   ratio ${ratio.toFixed(2)}   ${(results[0].bytes / 1024).toFixed(0)} KiB`,
    );
  }
  clearInterval(sampler);
  sample();
  console.log(rows.join("\n"));
  const memRatio = peakRss / (400 * MB);
  allMet &&= memRatio <= 1;
  console.log(`Peak memory: RSS ${(peakRss / MB).toFixed(0)} MB (target ≤ 400 MB, ratio ${memRatio.toFixed(2)}), heap used ${(peakHeap / MB).toFixed(0)} MB`);
  console.log(allMet ? "All targets met." : "Some targets missed (ratio > 1).");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
