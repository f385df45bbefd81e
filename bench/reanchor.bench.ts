// Re-anchoring benchmark (issue: corrections). A synthetic article of 10,000 (and 50,000) words
// with 1,000 overlapping claims of 20–300 characters; new versions with 1%, 5% and 20% of the
// characters changed by scattered word edits, with paragraphs moved, and with a 500-word update
// at the top. For each: share of claims on exactly the right span, on a wrong span, orphaned,
// and the time to re-anchor all claims (a claim whose words were all deleted, or split apart by a
// moved paragraph, has no right span: orphaning it counts as right, placing it as wrong), for Factmark (one diff + verification) and for the usual
// web-annotator approach built here as the peer: a fuzzy search of every quote over the whole
// text (approx-string-match, max errors min(256, length/2)), candidates scored 50 quote /
// 20 prefix / 20 suffix / 2 position.
//
//   npx tsx bench/reanchor.bench.ts            full run
//   BENCH_SMOKE=1 npx tsx bench/reanchor.bench.ts   one small case (CI)
import { performance } from "node:perf_hooks";
import os from "node:os";
import approxSearch from "approx-string-match";
import { reanchorClaims } from "../lib/anchoring/reanchor";
import { describeQuote } from "../lib/anchoring/text-quote";
import { makeArticle, movedParagraphs, scatteredEdits, updateAtTop, type Revision, type Workload } from "./reanchor-workload";

const smoke = process.env.BENCH_SMOKE === "1";
const runs = Number(process.env.BENCH_RUNS ?? (smoke ? 1 : 5));

interface Outcome {
  right: number;
  wrong: number;
  orphaned: number;
  ms: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function judge(rev: Revision, placed: Map<string, { start: number; end: number } | null>): Omit<Outcome, "ms"> {
  let right = 0;
  let wrong = 0;
  let orphaned = 0;
  for (const [id, expected] of rev.expected) {
    const got = placed.get(id) ?? null;
    if (!got && !expected) right++; // nothing left to point at: orphaning it is right
    else if (!got) orphaned++;
    else if (expected && got.start === expected.start && got.end === expected.end) right++;
    else wrong++;
  }
  return { right, wrong, orphaned };
}

function factmark(base: Workload, rev: Revision): Outcome {
  const claims = base.claims.map((c) => ({ id: c.id, start: c.start, end: c.end, ...describeQuote(base.text, c) }));
  const times: number[] = [];
  let last: ReturnType<typeof reanchorClaims> | null = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = reanchorClaims(base.text, rev.text, claims);
    times.push(performance.now() - t0);
  }
  const placed = new Map(last!.results.map((r) => [r.id, r.state === "ORPHANED" ? null : { start: r.start, end: r.end }]));
  return { ...judge(rev, placed), ms: median(times) };
}

// --- The peer: Hypothesis-style fuzzy quote matching over the whole text -------------------
function peerSimilarity(text: string, str: string): number {
  if (!str) return 1;
  if (!text) return 0;
  const m = approxSearch(text, str, str.length);
  return m.length ? 1 - Math.min(...m.map((x) => x.errors)) / str.length : 0;
}

function peerAnchor(text: string, quote: string, prefix: string, suffix: string, hint: number): { start: number; end: number } | null {
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const matches = approxSearch(text, quote, maxErrors);
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const q = 1 - m.errors / quote.length;
    const p = peerSimilarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix);
    const s = peerSimilarity(text.slice(m.end, m.end + suffix.length), suffix);
    const pos = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

function peer(base: Workload, rev: Revision): Outcome {
  const claims = base.claims.map((c) => ({ id: c.id, start: c.start, ...describeQuote(base.text, c) }));
  const t0 = performance.now();
  const placed = new Map(claims.map((c) => [c.id, peerAnchor(rev.text, c.exact, c.prefix ?? "", c.suffix ?? "", c.start)]));
  return { ...judge(rev, placed), ms: performance.now() - t0 };
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);

function report(label: string, o: Outcome, total: number) {
  return `${label.padEnd(9)} right ${pct(o.right, total)}  wrong ${pct(o.wrong, total)}  orphaned ${pct(o.orphaned, total)}  ${o.ms.toFixed(1).padStart(8)} ms`;
}

function main() {
  console.log(`Re-anchoring benchmark · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} · median of ${runs} runs (peer: 1 run)`);
  const sizes = smoke ? [2_000] : [10_000, 50_000];
  const claimsPerArticle = smoke ? 200 : 1_000;
  for (const words of sizes) {
    const base = makeArticle(words, claimsPerArticle, words);
    const revisions = smoke
      ? [scatteredEdits(base, 0.05, 7)]
      : [scatteredEdits(base, 0.01, 11), scatteredEdits(base, 0.05, 12), scatteredEdits(base, 0.2, 13), movedParagraphs(base, 5, 14), updateAtTop(base, 500, 15)];
    console.log(`\n${words.toLocaleString("en")} words, ${base.text.length.toLocaleString("en")} characters, ${claimsPerArticle} claims`);
    for (const rev of revisions) {
      const ours = factmark(base, rev);
      const theirs = smoke || words > 10_000 ? null : peer(base, rev);
      console.log(`  ${rev.name}`);
      console.log(`    ${report("Factmark", ours, claimsPerArticle)}`);
      if (theirs) {
        console.log(`    ${report("peer", theirs, claimsPerArticle)}`);
        console.log(`    Factmark is ${(theirs.ms / ours.ms).toFixed(1)}x faster than the peer`);
      }
    }
  }
  if (!smoke) console.log("\n(The peer is run at 10,000 words only: at 50,000 words it takes minutes per version.)");
}

main();
