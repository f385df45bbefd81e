import DiffMatchPatch from "diff-match-patch";
import { anchoredDiff } from "./anchored-diff";

// One diff between two versions of an article's text, as the offset map that re-anchoring
// needs. The diff runs over word tokens (words, spaces, punctuation), each encoded as one
// character, so diff-match-patch's Myers diff works on ~6x fewer symbols than characters and
// never aligns half a word with half another.

/** A stretch of text present in both versions: old [oldStart, oldStart+length) = new [newStart, ...). */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

/** Old [oldStart, oldEnd) became new [newStart, newEnd) (either side may be empty). */
export interface ChangeHunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  /** The tokens on each side (equal counts are read as word-for-word substitutions). */
  oldTokens: string[];
  newTokens: string[];
}

export interface TextDiff {
  equal: EqualRun[];
  changes: ChangeHunk[];
  oldLength: number;
  newLength: number;
}

// A word or one other character, with the spaces after it: half as many symbols as splitting
// spaces off, which halves the diff's work.
const TOKEN = /(?:[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}\s]|\s+)\s*/gu;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// Symbols are CJK ideographs and private-use characters: none is a letter, digit or space to
// diff-match-patch, so its cleanup never shifts an edit on their account.
const SYMBOL_LIMIT = 0xd800 - 0x4e00 + (0xffff - 0xe000);
const symbolFor = (n: number) => String.fromCharCode(n < 0xd800 - 0x4e00 ? 0x4e00 + n : 0xe000 + n - (0xd800 - 0x4e00));

/** Token lists as symbol strings; null when there are more distinct tokens than symbols. */
function encode(a: string[], b: string[]): { a: string; b: string } | null {
  const ids = new Map<string, string>();
  const enc = (tokens: string[]) => {
    let out = "";
    for (const t of tokens) {
      let s = ids.get(t);
      if (s === undefined) {
        if (ids.size >= SYMBOL_LIMIT) return null;
        s = symbolFor(ids.size);
        ids.set(t, s);
      }
      out += s;
    }
    return out;
  };
  const ea = enc(a);
  const eb = ea === null ? null : enc(b);
  return ea === null || eb === null ? null : { a: ea, b: eb };
}

/** Diffs two texts word by word (character by character if the vocabulary is too large to encode). */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0; // exact (minimal) diff; the token encoding keeps it fast
  const oldTokens = tokenize(oldText);
  const newTokens = tokenize(newText);
  const encoded = encode(oldTokens, newTokens);

  // Each diff piece as its tokens in the original texts.
  let pieces: Array<[op: number, tokens: string[]]>;
  if (encoded) {
    let oi = 0;
    let ni = 0;
    // Myers between unique-token anchors (anchored-diff.ts): a long article stays fast.
    const diffs = anchoredDiff(dmp, encoded.a, encoded.b);
    // Unrelated passages share "the", "of", commas...: a minimal diff matches those and cuts a
    // rewritten paragraph into many small edits. Semantic cleanup folds such coincidental
    // matches back into one edit, so a replaced paragraph reads as replaced.
    dmp.diff_cleanupSemantic(diffs);
    pieces = diffs.map(([op, s]) => {
      const tokens: string[] = [];
      for (let k = 0; k < s.length; k++) {
        const o = op <= 0 ? oldTokens[oi++] : "";
        const n = op >= 0 ? newTokens[ni++] : "";
        tokens.push(op < 0 ? o : n);
      }
      return [op, tokens];
    });
  } else {
    pieces = dmp.diff_main(oldText, newText, false).map(([op, s]) => [op, [...s]]);
  }

  const equal: EqualRun[] = [];
  const changes: ChangeHunk[] = [];
  let o = 0;
  let n = 0;
  let open: ChangeHunk | null = null;
  for (const [op, tokens] of pieces) {
    const length = tokens.reduce((sum, t) => sum + t.length, 0);
    if (op === 0) {
      if (open) {
        changes.push(open);
        open = null;
      }
      if (length > 0) equal.push({ oldStart: o, newStart: n, length });
      o += length;
      n += length;
    } else {
      open ??= { oldStart: o, oldEnd: o, newStart: n, newEnd: n, oldTokens: [], newTokens: [] };
      if (op < 0) {
        o += length;
        open.oldTokens.push(...tokens);
      } else {
        n += length;
        open.newTokens.push(...tokens);
      }
      open.oldEnd = o;
      open.newEnd = n;
    }
  }
  if (open) changes.push(open);
  return { equal, changes, oldLength: oldText.length, newLength: newText.length };
}

/** Index of the last element whose key is <= x (-1 if none); `items` sorted by key. */
function lastAtOrBefore<T>(items: T[], key: (t: T) => number, x: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export type MapSide = "start" | "end";

/**
 * Where an old offset lands in the new text. Inside unchanged text: exactly there (`exact`).
 * At or inside a changed stretch: a start maps to the beginning of its replacement and an end
 * to its end, so a span whose first or last word was rewritten covers the new wording.
 */
export interface MappedOffset {
  offset: number;
  /** In unchanged text. */
  exact: boolean;
  /** In a rewrite whose words around the offset could be aligned (a small local rewrite). */
  local?: boolean;
  /** The rewrite holding the offset, if any. */
  hunk?: ChangeHunk;
}

/** Rewrites (between aligned words) of at most this many tokens on either side count as local. */
export const LOCAL_REWRITE_TOKENS = 4;

export function mapOffset(diff: TextDiff, offset: number, side: MapSide): MappedOffset {
  // A start belongs to the character after it, an end to the character before it.
  const key = side === "start" ? offset : offset - 1;
  const i = lastAtOrBefore(diff.equal, (r) => r.oldStart, key);
  if (i >= 0) {
    const run = diff.equal[i];
    if (key < run.oldStart + run.length) return { offset: run.newStart + (offset - run.oldStart), exact: true };
  }
  const h = lastAtOrBefore(diff.changes, (c) => c.oldStart, key);
  if (h >= 0) {
    const hunk = diff.changes[h];
    if (key < hunk.oldEnd) return { ...mapInsideHunk(hunk, offset, side), exact: false, hunk };
  }
  // Only reachable at the very ends of the text.
  return { offset: offset <= 0 ? 0 : diff.newLength, exact: false };
}

const word = (t: string) => t.trimEnd();

/** Matched token pairs of a and b (longest common subsequence of words); none when too large to align. */
function alignTokens(a: string[], b: string[]): Array<[number, number]> {
  if (a.length * b.length > 16_384) return [];
  const w = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = word(a[i]) === word(b[j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (word(a[i]) === word(b[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * An offset inside a rewritten stretch. The stretch's words are aligned first (a word the
 * diff left unmatched may still be there); between aligned words, as many tokens on both sides
 * are word-for-word substitutions; otherwise a start goes to the beginning of the replacement
 * and an end to its end, so the span covers the new wording.
 */
function mapInsideHunk(hunk: ChangeHunk, offset: number, side: MapSide): { offset: number; local: boolean } {
  const a = hunk.oldTokens;
  const b = hunk.newTokens;
  const newOffsets = [hunk.newStart];
  for (const t of b) newOffsets.push(newOffsets[newOffsets.length - 1] + t.length);
  // The old token holding the offset (for an end: the one holding the character before it).
  let t = 0;
  let tokenStart = hunk.oldStart;
  while (t < a.length - 1 && (side === "start" ? offset >= tokenStart + a[t].length : offset > tokenStart + a[t].length)) {
    tokenStart += a[t].length;
    t++;
  }
  const pairs = a.length === b.length ? [] : alignTokens(a, b);
  const matched = pairs.find(([i]) => i === t);
  if (matched) {
    const j = matched[1];
    return { offset: newOffsets[j] + Math.min(offset - tokenStart, side === "start" ? word(b[j]).length : b[j].length), local: true };
  }
  // The gap between the aligned pairs around t.
  let before: [number, number] = [-1, -1];
  let after: [number, number] = [a.length, b.length];
  for (const p of pairs) {
    if (p[0] < t) before = p;
    else if (p[0] > t) {
      after = p;
      break;
    }
  }
  const oldGap = after[0] - before[0] - 1;
  const newGap = after[1] - before[1] - 1;
  const local = Math.max(oldGap, newGap) <= LOCAL_REWRITE_TOKENS;
  if (oldGap === newGap && newGap > 0) {
    const j = before[1] + 1 + (t - before[0] - 1);
    return { offset: side === "start" ? newOffsets[j] : newOffsets[j + 1], local };
  }
  return { offset: side === "start" ? newOffsets[before[1] + 1] : newOffsets[after[1]], local };
}

/** An upper bound of the edits inside old [start, end) as mapped: for each overlapping hunk, the larger of its two sides. */
export function changedWithin(diff: TextDiff, start: number, end: number): number {
  let changed = 0;
  for (let h = Math.max(0, lastAtOrBefore(diff.changes, (c) => c.oldStart, start)); h < diff.changes.length; h++) {
    const c = diff.changes[h];
    if (c.oldStart >= end) break;
    const oldLen = c.oldEnd - c.oldStart;
    const newLen = c.newEnd - c.newStart;
    if (oldLen === 0) {
      if (c.oldStart > start) changed += newLen; // an insertion strictly inside the span
      continue;
    }
    const overlap = Math.min(end, c.oldEnd) - Math.max(start, c.oldStart);
    if (overlap <= 0) continue;
    // Levenshtein(old part, new part) <= the longer of the two; at the span's edges the whole
    // new side is counted, as the mapping may have taken all of it.
    changed += Math.max(overlap, newLen);
  }
  return changed;
}

/** New-text stretches that the diff saw as inserted (where moved paragraphs reappear). */
export function insertedRanges(diff: TextDiff, minLength = 1): Array<{ start: number; end: number }> {
  return diff.changes.filter((c) => c.newEnd - c.newStart >= minLength).map((c) => ({ start: c.newStart, end: c.newEnd }));
}
