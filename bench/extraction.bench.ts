// Extraction benchmark: article-body F1 / precision / recall over the development half of Zyte's
// article-extraction benchmark (../shared/fixtures/extraction-benchmark, 70 pages), scored exactly
// as its README says, for Factmark's HTML import and for plain Readability.js over the same pages
// (Readability 0.6 over jsdom, its textContent — the published table's setup), with the
// published figures alongside. Run: bash bench/run.sh, or npx tsx bench/extraction.bench.ts [--smoke]
// (--smoke: 8 pages, for CI; its figures are not the benchmark's). --independent[=DIR]: the other
// half of the benchmark instead (default ../shared/fixtures/extraction-benchmark-independent, same
// layout), the check that the rules generalise: run it once, never tune on it.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { parseHTML } from "linkedom";
import os from "node:os";
import path from "node:path";
import { canonicalText } from "@/lib/document/canonical-text";
import { importHtml } from "@/lib/importing";
import { BENCHMARK_DIR, benchmarkAvailable, INDEPENDENT_DIR, loadBenchmarkPages } from "@/lib/importing/benchmark/dev-pages";
import { scorePage, summarize, type PageScore } from "@/lib/importing/benchmark/extraction-score";

const SMOKE = process.argv.includes("--smoke");
const VERBOSE = process.argv.includes("--verbose");
const independentArg = process.argv.find((a) => a === "--independent" || a.startsWith("--independent="));
const INDEPENDENT = independentArg !== undefined;
const DIR = !INDEPENDENT ? BENCHMARK_DIR : independentArg.includes("=") ? path.resolve(independentArg.slice("--independent=".length)) : INDEPENDENT_DIR;
const HALF = INDEPENDENT ? "independent half" : "development half";
const TARGET = { f1: 0.98, precision: 0.975, recall: 0.975 };
const PUBLISHED: [string, number, number, number][] = [
  ["Zyte AutoExtract (commercial, 2019)", 0.97, 0.984, 0.956],
  ["rs-trafilatura", 0.97, 0.951, 0.99],
  ["go-trafilatura", 0.96, 0.94, 0.98],
  ["trafilatura 2.0", 0.958, 0.938, 0.978],
  ["Readability.js 0.6", 0.947, 0.914, 0.982],
];

if (!benchmarkAvailable(DIR)) {
  console.log(`extraction benchmark: ${DIR}/ground-truth.json not found, skipped${INDEPENDENT ? " (put the independent half there, or pass --independent=DIR)" : ""}`);
  process.exit(INDEPENDENT ? 1 : 0);
}

const pages = loadBenchmarkPages(SMOKE ? 8 : Infinity, DIR);
const virtualConsole = new VirtualConsole();

function factmark(html: string, url: string): string {
  try {
    return canonicalText(importHtml(html, { mode: "page", sourceUrl: url, maxBytes: 50_000_000 }).document);
  } catch {
    return "";
  }
}

let linkedomFallbacks = 0;
function readability(html: string, url: string): string {
  let document: Document;
  try {
    document = new JSDOM(html, { url, virtualConsole }).window.document;
  } catch {
    // jsdom's CSS parser throws on some pages' inline styles: parse those with linkedom.
    linkedomFallbacks++;
    document = parseHTML(html).document as unknown as Document;
  }
  return new Readability(document).parse()?.textContent ?? "";
}

const fm: PageScore[] = [];
const rd: PageScore[] = [];
let fmMs = 0;
for (const page of pages) {
  const t0 = performance.now();
  const ours = factmark(page.html, page.url);
  fmMs += performance.now() - t0;
  const s = scorePage(page.expected, ours);
  fm.push(s);
  rd.push(scorePage(page.expected, readability(page.html, page.url)));
  if (VERBOSE) console.log(`${page.key.slice(0, 12)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}  ${page.url}`);
}

const row = (name: string, f1: number, p: number, r: number) =>
  `  ${name.padEnd(40)} F1 ${f1.toFixed(3)}  P ${p.toFixed(3)}  R ${r.toFixed(3)}`;
const ours = summarize(fm);
const theirs = summarize(rd);
console.log(`Workload: ${pages.length} pages of the benchmark's ${HALF} (${DIR})${SMOKE ? " (--smoke subset: figures are not the benchmark's)" : ""}`);
console.log(row("Factmark import (Readability + cleaning)", ours.f1, ours.precision, ours.recall));
console.log(row("Readability.js (plain, jsdom, this run)", theirs.f1, theirs.precision, theirs.recall));
if (linkedomFallbacks) console.log(`  (Readability over linkedom for ${linkedomFallbacks} page(s) jsdom could not parse)`);
console.log(`  ratio Factmark/Readability F1: ${(ours.f1 / theirs.f1).toFixed(3)}×`);
const meets = ours.f1 >= TARGET.f1 && ours.precision >= TARGET.precision && ours.recall >= TARGET.recall;
console.log(`  target F1 ≥ ${TARGET.f1}, P ≥ ${TARGET.precision}, R ≥ ${TARGET.recall}: ${meets ? "meets it" : "MISSES it"}${SMOKE ? " (smoke subset)" : ""}`);
console.log("Published results on the full 181 pages (trafilatura cannot run here: no PyPI):");
for (const [name, f1, p, r] of PUBLISHED) console.log(row(name, f1, p, r));
console.log(`  Factmark import time: ${(fmMs / pages.length).toFixed(1)} ms per page (mean); load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
