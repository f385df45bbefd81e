import type DiffMatchPatch from "diff-match-patch";

// Myers' diff costs time proportional to the text's length times the number of edits, which
// is what a long article with many scattered corrections makes slow. Tokens that occur exactly
// once in each version (most rarer words) are anchors, as in patience diff: the longest chain of
// them in the same order in both versions is taken as unchanged, and Myers runs only on the
// short stretches between consecutive anchors. A paragraph that moved loses its anchors to the
// longer chain, so it still reads as deleted here and inserted there.

type Diff = [number, string];

/** Pairs (i, j) of tokens unique in both symbol strings, increasing in both (longest such chain). */
export function uniqueAnchors(a: string, b: string): Array<[number, number]> {
  // Per symbol (a UTF-16 code unit): its only position, -1 for none yet, -2 for several.
  const inA = new Int32Array(65536).fill(-1);
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    inA[c] = inA[c] === -1 ? i : -2;
  }
  const inB = new Int32Array(65536).fill(-1);
  for (let j = 0; j < b.length; j++) {
    const c = b.charCodeAt(j);
    inB[c] = inB[c] === -1 ? j : -2;
  }
  const pairs: Array<[number, number]> = [];
  for (let j = 0; j < b.length; j++) {
    const c = b.charCodeAt(j);
    const i = inA[c];
    if (i >= 0 && inB[c] === j) pairs.push([i, j]);
  }
  // Longest increasing subsequence of i (pairs are already in j order): patience sorting.
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs[k][0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const chain: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) chain.push(pairs[k]);
  return chain.reverse();
}

/** diff_main over a and b, run separately between unique anchors (see above). */
export function anchoredDiff(dmp: DiffMatchPatch, a: string, b: string): Diff[] {
  const anchors = uniqueAnchors(a, b);
  const out: Diff[] = [];
  let i0 = 0;
  let j0 = 0;
  const gap = (i1: number, j1: number) => {
    if (i1 > i0 || j1 > j0) out.push(...(dmp.diff_main(a.slice(i0, i1), b.slice(j0, j1), false) as Diff[]));
  };
  for (const [i, j] of anchors) {
    gap(i, j);
    out.push([0, a[i]]);
    i0 = i + 1;
    j0 = j + 1;
  }
  gap(a.length, b.length);
  return coalesce(out);
}

/**
 * Joins neighbouring pieces of the same kind, deletions before insertions between two equal
 * pieces, in one pass (diff_cleanupMerge splices the array per join: quadratic on a long diff).
 */
export function coalesce(diffs: Diff[]): Diff[] {
  const out: Diff[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push([-1, del]);
    if (ins) out.push([1, ins]);
    del = "";
    ins = "";
  };
  for (const [op, text] of diffs) {
    if (!text) continue;
    if (op < 0) del += text;
    else if (op > 0) ins += text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last[0] === 0) last[1] += text;
      else out.push([0, text]);
    }
  }
  flush();
  return out;
}
