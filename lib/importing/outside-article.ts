import type { BlockNode } from "@/lib/document/types";
import { blockText } from "./doc-utils";

// What the article extractor (Readability) left out of a web page. Every piece of page text
// that is not in the extracted article is listed in the preview, so nothing disappears
// unseen, and each run of it can be restored at the place it had on the page.

/** A run of consecutive page blocks the extractor left out, and the article block it followed. */
export interface OutsideRun {
  /** Index of the article block the run came after on the page (-1: before the first). */
  after: number;
  blocks: BlockNode[];
}

const normalize = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Index of the last offset ≤ value in an ascending array. */
function blockAt(starts: number[], value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The page's text blocks that are not in the article, in runs placed after the article block
 * that preceded them on the page. `known` texts (the title, the byline: kept as metadata) are
 * not listed. Linear in the page for blocks the article kept whole; a left-out block costs one
 * substring search of the article text.
 */
export function blocksOutsideArticle(page: BlockNode[], article: BlockNode[], known: (string | null)[]): OutsideRun[] {
  const articleTexts = article.map((b) => normalize(blockText(b)));
  const starts: number[] = [];
  let joined = "";
  for (const text of articleTexts) {
    starts.push(joined.length);
    joined += `${text} `;
  }
  const whole = new Map<string, number[]>();
  articleTexts.forEach((text, i) => {
    if (text) whole.set(text, [...(whole.get(text) ?? []), i]);
  });
  const skip = new Set(known.filter((k): k is string => !!k).map(normalize));

  const runs: OutsideRun[] = [];
  let after = -1;
  let current: OutsideRun | null = null;
  for (const block of page) {
    const text = normalize(blockText(block));
    if (!text || !/[\p{L}\p{N}]/u.test(text) || skip.has(text)) continue;
    const exact = whole.get(text)?.find((i) => i > after) ?? whole.get(text)?.[0];
    let found = exact;
    if (found === undefined && text.length <= joined.length) {
      const at = joined.indexOf(text, after >= 0 ? starts[after] : 0);
      const anywhere = at >= 0 ? at : joined.indexOf(text);
      if (anywhere >= 0) found = blockAt(starts, anywhere);
    }
    if (found !== undefined) {
      after = Math.max(after, found);
      current = null;
      continue;
    }
    if (!current || current.after !== after) {
      current = { after, blocks: [] };
      runs.push(current);
    }
    current.blocks.push(block);
  }
  return runs;
}

/**
 * The article blocks with the left-out runs put back where they were, and for each put-back
 * block the index of its run's first block (the run is listed, and restored, as one).
 */
export function withOutsideRuns(article: BlockNode[], runs: OutsideRun[]): { blocks: BlockNode[]; runOf: Map<BlockNode, number> } {
  const byPlace = new Map<number, OutsideRun[]>();
  for (const run of runs) byPlace.set(run.after, [...(byPlace.get(run.after) ?? []), run]);
  const blocks: BlockNode[] = [];
  const runOf = new Map<BlockNode, number>();
  const putBack = (place: number) => {
    for (const run of byPlace.get(place) ?? []) {
      const first = blocks.length;
      for (const block of run.blocks) {
        runOf.set(block, first);
        blocks.push(block);
      }
    }
  };
  putBack(-1);
  article.forEach((block, i) => {
    blocks.push(block);
    putBack(i);
  });
  return { blocks, runOf };
}
