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
// spaces off, which halves the diff's work. (The reference definition; `tokenEnds` is the same
// split by a hand-written scanner, several times faster on a long article.)
export const TOKEN = /(?:[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}\s]|\s+)\s*/gu;

const WORD = 0;
const SPACE = 1;
const OTHER = 2;
// Classes of the ASCII characters; others are looked up with the Unicode property regexes.
const ASCII_CLASS = new Uint8Array(128).fill(OTHER);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = WORD;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = WORD;
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_CLASS[c] = SPACE;
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_RE = /^\s$/u;

/** Class of the code point at i, and its length in UTF-16 units (class * 4 + length). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c] * 4 + 1;
  const cp = text.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  const ch = text.slice(i, i + len);
  return (WORD_RE.test(ch) ? WORD : SPACE_RE.test(ch) ? SPACE : OTHER) * 4 + len;
}

/** Where each token of `text` ends (see TOKEN). */
export function tokenEnds(text: string): Int32Array {
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // ASCII letters and digits, the bulk of most texts, without a call per character.
    let c = text.charCodeAt(i);
    if (c < 128 && ASCII_CLASS[c] === WORD) {
      do c = text.charCodeAt(++i);
      while (c < 128 && ASCII_CLASS[c] === WORD);
      if (!(c < 128) && i < n && classAt(text, i) >> 2 === WORD) {
        // Non-ASCII letters go on with the same word.
        let k: number;
        while (i < n && ((k = classAt(text, i)) >> 2) === WORD) i += k & 3;
      }
      if (c === 32 && i + 1 < n && text.charCodeAt(i + 1) !== 32 && text.charCodeAt(i + 1) < 128 && ASCII_CLASS[text.charCodeAt(i + 1)] !== SPACE) {
        ends.push(i + 1); // one space after the word, the usual case
        i++;
        continue;
      }
      let k: number;
      while (i < n && ((k = classAt(text, i)) >> 2) === SPACE) i += k & 3;
      ends.push(i);
      continue;
    }
    let k = classAt(text, i);
    const cls = k >> 2;
    i += k & 3;
    if (cls !== OTHER) {
      // A run of word characters, or of spaces.
      while (i < n && ((k = classAt(text, i)) >> 2) === cls) i += k & 3;
    }
    // The spaces after it.
    while (i < n && ((k = classAt(text, i)) >> 2) === SPACE) i += k & 3;
    ends.push(i);
  }
  return Int32Array.from(ends);
}

// Symbols are CJK ideographs and private-use characters: none is a letter, digit or space to
// diff-match-patch, so its cleanup never shifts an edit on their account.
const SYMBOL_LIMIT = 0xd800 - 0x4e00 + (0xffff - 0xe000);
const symbolCode = (n: number) => (n < 0xd800 - 0x4e00 ? 0x4e00 + n : 0xe000 + n - (0xd800 - 0x4e00));

/** Both texts' tokens as symbol strings (one symbol per distinct token); null when there are more distinct tokens than symbols. */
function encode(oldText: string, oldEnds: Int32Array, newText: string, newEnds: Int32Array): { a: string; b: string } | null {
  const ids = new Map<string, number>();
  const enc = (text: string, ends: Int32Array): string | null => {
    const codes = new Uint16Array(ends.length);
    let start = 0;
    for (let t = 0; t < ends.length; t++) {
      const token = text.slice(start, ends[t]);
      start = ends[t];
      let id = ids.get(token);
      if (id === undefined) {
        if (ids.size >= SYMBOL_LIMIT) return null;
        id = symbolCode(ids.size);
        ids.set(token, id);
      }
      codes[t] = id;
    }
    let out = "";
    for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.subarray(k, k + 8192));
    return out;
  };
  const a = enc(oldText, oldEnds);
  const b = a === null ? null : enc(newText, newEnds);
  return a === null || b === null ? null : { a, b };
}

/** The tokens [from, to) of a text whose token ends are `ends`. */
function tokensOf(text: string, ends: Int32Array, from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from; t < to; t++) out.push(text.slice(t === 0 ? 0 : ends[t - 1], ends[t]));
  return out;
}

/** Diffs two texts word by word (character by character if the vocabulary is too large to encode). */
export function diffTexts(oldText: string, newText: string): TextDiff {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0; // exact (minimal) diff; the token encoding keeps it fast
  const oldEnds = tokenEnds(oldText);
  const newEnds = tokenEnds(newText);
  const encoded = encode(oldText, oldEnds, newText, newEnds);

  // Each diff piece: its kind, its length in characters and (for changes) its tokens.
  let pieces: Array<[op: number, length: number, tokens: string[] | null]>;
  if (encoded) {
    let oi = 0;
    let ni = 0;
    const endOf = (ends: Int32Array, t: number) => (t === 0 ? 0 : ends[t - 1]);
    // Myers between unique-token anchors (anchored-diff.ts): a long article stays fast.
    const diffs = anchoredDiff(dmp, encoded.a, encoded.b);
    // Unrelated passages share "the", "of", commas...: a minimal diff matches those and cuts a
    // rewritten paragraph into many small edits. Semantic cleanup folds such coincidental
    // matches back into one edit, so a replaced paragraph reads as replaced.
    dmp.diff_cleanupSemantic(diffs);
    pieces = diffs.map(([op, s]) => {
      const count = s.length;
      if (op === 0) {
        const length = endOf(oldEnds, oi + count) - endOf(oldEnds, oi);
        oi += count;
        ni += count;
        return [op, length, null];
      }
      const [text, ends, from] = op < 0 ? [oldText, oldEnds, oi] : [newText, newEnds, ni];
      if (op < 0) oi += count;
      else ni += count;
      return [op, endOf(ends, from + count) - endOf(ends, from), tokensOf(text, ends, from, from + count)];
    });
  } else {
    pieces = dmp.diff_main(oldText, newText, false).map(([op, s]) => [op, s.length, op === 0 ? null : [...s]]);
  }

  const equal: EqualRun[] = [];
  const changes: ChangeHunk[] = [];
  let o = 0;
  let n = 0;
  let open: ChangeHunk | null = null;
  for (const [op, length, tokens] of pieces) {
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
        open.oldTokens.push(...tokens!);
      } else {
        n += length;
        open.newTokens.push(...tokens!);
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
  /**
   * An equally likely other place, when the position alone cannot tell: the offset cuts the old
   * words of an unaligned stretch, and the new words could be cut as well one word either way
   * (k of m old tokens became n new ones, and k·n/m falls halfway between two).
   */
  alternative?: number;
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
function mapInsideHunk(hunk: ChangeHunk, offset: number, side: MapSide): { offset: number; local: boolean; alternative?: number } {
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
  // Unequal stretches (m old tokens became n): an offset at either edge of the old stretch
  // goes to that edge of the new one, so the span covers the new wording. An offset that cuts
  // the old stretch goes as far into the new one, in proportion: k of m old tokens on the
  // span's side become round(k·n/m) new ones; halfway between two new tokens is a guess either
  // way, and is said so.
  const cut = side === "start" ? t - before[0] - 1 : t - before[0];
  if (cut > 0 && cut < oldGap && newGap > 0) {
    const twice = (2 * cut * newGap) / oldGap;
    const k = Math.round(twice / 2);
    const at = (n: number) => newOffsets[before[1] + 1 + n];
    // An odd multiple of a half: both neighbours are as likely. The span takes the one that
    // covers more of the new wording (as at the stretch's edges), the other is the alternative.
    if (Number.isInteger(twice) && twice % 2 === 1) {
      const [more, less] = side === "start" ? [(twice - 1) / 2, (twice + 1) / 2] : [(twice + 1) / 2, (twice - 1) / 2];
      return { offset: at(more), local, alternative: at(less) };
    }
    return { offset: at(k), local };
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
