// Reader page render benchmark (issue 9, target 2, render part only): a 10,000-word article
// with 1,000 and 5,000 published claims rendered by lib/reader (a pure function of the
// publication snapshot). Prints the time per render and the 5k/1k ratio of time against the
// 5k/1k ratio of output size: linear rendering keeps them close (the old string splice grew
// with text × claims). Then HTTP: a production server on a fresh SQLite database serves
// /r/<slug> of an article published with as many claims, to 32 concurrent clients (autocannon),
// against a static file of the same size served by the same server (/_next/static/…): target
// ≥ 0.5× its throughput. Both again with "Accept-Encoding: gzip, deflate, br" as browsers send it
// (the reader page is sent compressed as stored; the static file is compressed by Next per request).
//
//   npx tsx --conditions=react-server bench/reader.bench.ts              full run
//   npx tsx --conditions=react-server bench/reader.bench.ts --smoke      small case (CI)
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { canonicalText } from "../lib/document/canonical-text";
import type { DocNode } from "../lib/document/types";
import { renderReaderPage } from "../lib/reader/render-reader";
import { DEFAULT_SCALE } from "../lib/scale/default-scale";
import type { ReportBundle, ReportClaim } from "../lib/schemas/report";
import { articleWithClaims, childArg, runChild, startApp } from "./support/app-fixture";
import { fmt, throughput, uptimeLine, verdict, type Throughput } from "./support/load";

const smoke = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");
const WORDS = smoke ? 2_000 : 10_000;
const SIZES = smoke ? [200, 1_000] : [1_000, 5_000];
const RUNS = smoke ? 2 : 5;

const scale = { ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map((v, order) => ({ ...v, order })) };
const words = Array.from({ length: WORDS }, (_, i) => `word${i}`);
const paragraphs: string[] = [];
for (let i = 0; i < words.length; i += 100) paragraphs.push(words.slice(i, i + 100).join(" "));
const doc: DocNode = { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
const text = canonicalText(doc);

function bundle(count: number): ReportBundle {
  const claims: ReportClaim[] = Array.from({ length: count }, (_, i) => {
    // Spans of 1–4 words spread over the text; every tenth overlaps the previous one.
    const w = Math.floor((i * WORDS) / count);
    const from = text.indexOf(`word${w} `) >= 0 ? text.indexOf(`word${w} `) : text.indexOf(`word${w}`);
    const start = i % 10 === 9 && from > 8 ? from - 4 : from;
    const end = Math.min(text.length, from + 6 + (i % 4) * 8);
    return {
      id: `c${i}`,
      exact: text.slice(start, end),
      prefix: "",
      suffix: "",
      start,
      end,
      claimant: "A politician",
      statement: `Statement ${i}`,
      verdict: scale.verdicts[i % scale.verdicts.length],
      rationale: "<p>Checked against the <strong>records</strong>.</p>",
      status: "PUBLISHED",
      author: { id: "u1", name: "Eddie" },
      reviewer: { id: "u2", name: "Erin" },
      createdAt: "2026-05-01T10:00:00.000Z",
      updatedAt: "2026-05-01T10:00:00.000Z",
      approvedAt: "2026-05-02T10:00:00.000Z",
      publishedAt: "2026-05-03T10:00:00.000Z",
      sources: [{ id: `s${i}`, url: `https://records.example/${i}`, title: "Records", publisher: "Archive", publishedOn: null, accessedOn: null, excerpt: null, stance: "SUPPORTS", archiveUrl: null }],
    };
  });
  return {
    scope: "published",
    article: {
      id: "a1",
      slug: "bench",
      title: "Benchmark article",
      byline: null,
      sourceUrl: null,
      siteName: null,
      publishedAt: null,
      language: "en",
      excerpt: null,
      document: doc,
      canonicalText: text,
      status: "PUBLISHED",
      firstPublishedAt: "2026-05-03T10:00:00.000Z",
      lastPublishedAt: "2026-05-03T10:00:00.000Z",
      readerUrl: "https://factmark.example/r/bench",
    },
    claims,
    scale,
    organization: { name: "Bench", url: null },
    corrections: [],
    generatedAt: "2026-05-03T10:00:00.000Z",
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface HttpFigures {
  count: number;
  bytes: number;
  readerRps: number;
  staticRps: number;
  readerCpuMs: number;
  staticCpuMs: number;
  /** Failed requests: reader and static, each as non-2xx / socket errors / timeouts. */
  failures: string;
  compressed: { readerRps: number; staticRps: number; readerCpuMs: number; staticCpuMs: number; readerBytes: number };
}

const BROWSER = { "accept-encoding": "gzip, deflate, br" };
const failuresOf = (t: Throughput) => (t.non2xx + t.errors ? `${t.non2xx} non-2xx, ${t.errors - t.timeouts} errors, ${t.timeouts} timeouts` : "");

/** Child: one server, an article published with `count` claims per size, its reader page against a static file of its size. */
async function httpChild(): Promise<void> {
  // The static peer must exist when the server starts (it lists its static files then); it is filled in later.
  const dist = process.env.RELIABILITY_DIST_DIR ?? ".next";
  const staticFile = (count: number) => path.join(dist, "static", `bench-reader-${count}.html`);
  for (const count of SIZES) writeFileSync(staticFile(count), "");
  const app = await startApp("sqlite", Number(process.env.BENCH_PORT ?? 3980));
  const out: HttpFigures[] = [];
  try {
    for (const count of SIZES) {
      const { article } = await articleWithClaims(app, { claims: count, status: "APPROVED", words: WORDS });
      const res = await app.editor.request("POST", `/api/v1/articles/${article.id}/publish`, JSON.stringify({ visibility: "PUBLIC" }), "application/json", 120_000);
      if (!res.ok) throw new Error(`publish answered ${res.status}: ${await res.text()}`);
      const url = `${app.server.base}/r/${article.slug}`;
      const page = await (await fetch(url, { headers: { connection: "close" } })).text(); // also renders it into the page cache
      const bytes = Buffer.byteLength(page);
      writeFileSync(staticFile(count), "x".repeat(bytes));
      const pid = app.server.child.pid;
      const staticUrl = `${app.server.base}/_next/static/bench-reader-${count}.html`;
      const reader = await throughput(url, { pid });
      const peer = await throughput(staticUrl, { pid });
      const readerGz = await throughput(url, { pid, headers: BROWSER });
      const peerGz = await throughput(staticUrl, { pid, headers: BROWSER });
      out.push({
        count,
        bytes,
        readerRps: reader.rps,
        staticRps: peer.rps,
        readerCpuMs: reader.cpuMsPerRequest,
        staticCpuMs: peer.cpuMsPerRequest,
        failures: [["reader", reader], ["static", peer], ["reader compressed", readerGz], ["static compressed", peerGz]]
          .map(([name, t]) => [name, failuresOf(t as Throughput)])
          .filter(([, f]) => f)
          .map(([name, f]) => `${name}: ${f}`)
          .join("; "),
        compressed: { readerRps: readerGz.rps, staticRps: peerGz.rps, readerCpuMs: readerGz.cpuMsPerRequest, staticCpuMs: peerGz.cpuMsPerRequest, readerBytes: readerGz.bytesPerRequest },
      });
    }
  } finally {
    await app.stop();
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function renderPart() {
  console.log(`Reader render: ${WORDS.toLocaleString("en-US")} words, ${RUNS} runs each (median)${smoke ? " — smoke" : ""}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const results = SIZES.map((count) => {
    const b = bundle(count);
    renderReaderPage(b, { membersOnly: false }); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      bytes = Buffer.byteLength(renderReaderPage(b, { membersOnly: false }).html);
      times.push(performance.now() - t);
    }
    const ms = median(times);
    console.log(`  ${count.toLocaleString("en-US")} claims: ${ms.toFixed(1)} ms per render, ${(bytes / 1024).toFixed(0)} KB of HTML`);
    return { count, ms, bytes };
  });
  const [a, b] = results;
  const timeRatio = b.ms / a.ms;
  const sizeRatio = b.bytes / a.bytes;
  // Linear: the time grows like the output (within 1.5× of it); quadratic would grow like its square.
  const linear = timeRatio <= sizeRatio * 1.5;
  console.log(
    `  ${b.count}/${a.count} claims: time ×${timeRatio.toFixed(2)} for output ×${sizeRatio.toFixed(2)} (linear: time ratio ≈ size ratio; quadratic would be ≈ ×${(sizeRatio * sizeRatio).toFixed(1)}): ${linear ? "linear, meets" : "MISSES (grows faster than the output)"}`,
  );
  console.log("  Served pages come from the PageCache after the first request (one render per publication), with ETag/304.");
}

async function main() {
  if (childArg()) return httpChild();
  renderPart();
  console.log(`HTTP, ${32} concurrent clients, reader page vs a static file of the same size from the same server:`);
  for (const f of await runChild<HttpFigures[]>("http")) {
    const ratio = f.readerRps / f.staticRps;
    const cpuRatio = f.staticCpuMs / f.readerCpuMs;
    console.log(
      `  ${f.count.toLocaleString("en-US")} claims (${fmt(f.bytes / 1024)} KB): reader ${fmt(f.readerRps)} req/s, static ${fmt(f.staticRps)} req/s, ratio ${ratio.toFixed(2)} ${verdict(ratio >= 0.5)} (target ≥ 0.5)`,
    );
    console.log(
      `      server CPU per request: reader ${fmt(f.readerCpuMs, 2)} ms, static ${fmt(f.staticCpuMs, 2)} ms: ratio ${cpuRatio.toFixed(2)} ${verdict(cpuRatio >= 0.5)} (the throughput ratio on an idle core)`,
    );
    const c = f.compressed;
    console.log(
      `      as a browser asks (Accept-Encoding: gzip, deflate, br; reader ${fmt(c.readerBytes / 1024)} KB per response): reader ${fmt(c.readerRps)} req/s, static ${fmt(c.staticRps)} req/s, ratio ${(c.readerRps / c.staticRps).toFixed(2)}; CPU per request reader ${fmt(c.readerCpuMs, 2)} ms, static ${fmt(c.staticCpuMs, 2)} ms`,
    );
    if (f.failures) console.log(`      FAILED requests: ${f.failures}`);
  }
  console.log(uptimeLine());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
