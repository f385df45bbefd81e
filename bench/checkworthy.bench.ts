// Check-worthy hints (issue 14): precision at 5 and at 10 per article against hand labels
// (lib/checkworthy/fixtures/labels.json: the sample and five fixture articles, labelled first),
// next to the base rate (the precision of picking sentences at random).
//
//   npx tsx bench/checkworthy.bench.ts
import { precisionAtK } from "../lib/checkworthy/precision";

const rows = precisionAtK();
const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
console.log(`${"article".padEnd(24)} sentences  check-worthy  base rate    P@5   P@10`);
for (const r of rows) {
  console.log(`${r.id.padEnd(24)} ${String(r.sentences).padStart(9)}  ${String(r.checkWorthy).padStart(12)}  ${pct(r.checkWorthy / r.sentences).padStart(9)}  ${pct(r.at5)}  ${pct(r.at10)}${r.unlabelled ? `  (${r.unlabelled} unlabelled)` : ""}`);
}
const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
console.log(`${"mean".padEnd(24)} ${"".padStart(9)}  ${"".padStart(12)}  ${pct(mean((r) => r.checkWorthy / r.sentences)).padStart(9)}  ${pct(mean((r) => r.at5))}  ${pct(mean((r) => r.at10))}`);
