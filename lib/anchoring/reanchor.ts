import approxSearch from "approx-string-match";
import { describeQuote } from "./text-quote";
import { changedWithin, diffTexts, mapOffset, type MappedOffset, type TextDiff } from "./text-diff";
import type { TextRange } from "./types";

// Re-anchoring: when an article's text is revised, every claim's span is carried over to the
// new text. One diff maps every offset (or the editor's own step mapping does, for in-place
// edits); each mapped span is then verified against the claim's quote. Where the quoted words
// themselves changed, the span is accepted only when enough of the quote is still there and
// the surroundings agree; where the mapping lost the text (a moved paragraph), the quote is
// looked for exactly, then approximately in the text the diff saw inserted. Anything in doubt
// is ORPHANED: a claim on the wrong sentence is worse than a claim that asks for attention.

export type AnchorState = "INTACT" | "MOVED" | "CHANGED" | "ORPHANED";

export interface ClaimAnchor {
  id: string;
  start: number;
  end: number;
  /** The quoted text in the old version. */
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface ReanchorResult {
  id: string;
  state: AnchorState;
  /** New offsets (ORPHANED: the old ones, clamped to the new text). */
  start: number;
  end: number;
  /** Quote and context in the new text (ORPHANED: the old quote). */
  exact: string;
  prefix: string;
  suffix: string;
  /** 1 for INTACT and MOVED; the quote's similarity (0..1) for CHANGED; 0 for ORPHANED. */
  score: number;
  /** The old quote, for CHANGED and ORPHANED claims. */
  previousExact: string | null;
}

export interface ReanchorSummary {
  intact: number;
  moved: number;
  changed: number;
  orphaned: number;
}

export interface ReanchorOptions {
  /**
   * Spans proposed by another mapping (the editor's ProseMirror steps, in canonical offsets),
   * used instead of the diff for the claims they name. Still verified like any mapping.
   */
  proposed?: ReadonlyMap<string, TextRange>;
  /** A diff already computed for these two texts. */
  diff?: TextDiff;
}

/**
 * Least share of a quote that must survive for its mapped span to keep the claim when both of
 * the span's ends are firm (in unchanged text or a small rewrite: the diff vouches for them).
 */
export const MIN_PINNED_SIMILARITY = 0.5;
/** ...and for a span found by searching around the mapped place or in moved text. */
export const MIN_SEARCHED_SIMILARITY = 0.75;
/** No claim is ever kept on text less similar to its quote than this. */
export const MIN_ACCEPTED_SIMILARITY = Math.min(MIN_PINNED_SIMILARITY, MIN_SEARCHED_SIMILARITY);
/** Context agreement (0..1) a searched span needs besides its quote. */
const MIN_CONTEXT = 0.5;
/** ...and an exact copy of the quote found far from where the mapping put it. */
const MIN_MOVED_CONTEXT = 0.7;

/** Edit distance of a and b when it is at most k, else k + 1 (Levenshtein in a band of width 2k+1). */
export function boundedEditDistance(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const big = k + 1;
  let prev = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= k ? j : big;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - k);
    const to = Math.min(m, i + k);
    // Cells left of and right of the band read as "too far".
    cur[from - 1] = from === 1 ? (i <= k ? i : big) : big;
    if (to + 1 <= m) cur[to + 1] = big;
    let rowMin = cur[from - 1];
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let v = prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      cur[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return big;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m], big);
}

/** 1 - edits/length of `expected`, never below 0 (0 when more than the allowed edits). */
function similarity(actual: string, expected: string, minSimilarity = 0): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  const k = Math.ceil(expected.length * (1 - minSimilarity));
  const d = boundedEditDistance(actual, expected, k);
  return d > k ? 0 : Math.max(0, 1 - d / expected.length);
}

/** How well the text around [start, end) agrees with the old prefix and suffix (0..1). */
function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const parts: number[] = [];
  if (prefix) parts.push(similarity(text.slice(Math.max(0, start - prefix.length), start), prefix));
  if (suffix) parts.push(similarity(text.slice(end, end + suffix.length), suffix));
  if (parts.length === 0) return 1;
  // Where the text begins or ends, missing context on that side is not disagreement.
  if (prefix && start === 0) parts[0] = 1;
  if (suffix && end === text.length) parts[parts.length - 1] = 1;
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (text: string, i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i]);

/** Widens a span so it neither starts nor ends inside a word (quotes are selected in whole words). */
function snapToWords(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s > 0 && isWordChar(text, s) && isWordChar(text, s - 1)) s--;
  while (e < text.length && isWordChar(text, e - 1) && isWordChar(text, e)) e++;
  return { start: s, end: e };
}

/** Drops whitespace at either end of a span (quotes never begin or end with it). */
function trimSpaces(text: string, { start, end }: TextRange): TextRange {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

function exactOccurrences(text: string, quote: string, from: number, to: number): number[] {
  const out: number[] = [];
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < quote.length) return out;
  // Searched in the window only: indexOf on the whole text would scan on to its end for every
  // claim whose words are not there (most CHANGED claims of a long article).
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  for (let at = window.indexOf(quote); at !== -1; at = window.indexOf(quote, at + 1)) out.push(lo + at);
  return out;
}

interface Candidate extends TextRange {
  quoteSim: number;
  context: number;
}

export function reanchorClaims(
  oldText: string,
  newText: string,
  claims: readonly ClaimAnchor[],
  options: ReanchorOptions = {},
): { results: ReanchorResult[]; summary: ReanchorSummary } {
  const unchanged = oldText === newText;
  const diff = unchanged ? null : (options.diff ?? diffTexts(oldText, newText));
  const results = claims.map((c) => reanchorOne(oldText, newText, diff, c, options.proposed?.get(c.id)));
  const summary: ReanchorSummary = { intact: 0, moved: 0, changed: 0, orphaned: 0 };
  for (const r of results) summary[r.state.toLowerCase() as keyof ReanchorSummary]++;
  return { results, summary };
}

function reanchorOne(oldText: string, newText: string, diff: TextDiff | null, claim: ClaimAnchor, proposed: TextRange | undefined): ReanchorResult {
  const { exact } = claim;
  const prefix = claim.prefix ?? oldText.slice(Math.max(0, claim.start - 32), claim.start);
  const suffix = claim.suffix ?? oldText.slice(claim.end, claim.end + 32);
  const result = (state: AnchorState, range: TextRange, score: number): ReanchorResult => {
    const q = describeQuote(newText, range);
    return { id: claim.id, state, start: range.start, end: range.end, exact: q.exact, prefix: q.prefix ?? "", suffix: q.suffix ?? "", score, previousExact: state === "INTACT" || state === "MOVED" ? null : exact };
  };
  const placed = (range: TextRange): ReanchorResult =>
    result(range.start === claim.start && range.end === claim.end ? "INTACT" : "MOVED", range, 1);
  const orphan = (): ReanchorResult => ({
    id: claim.id,
    state: "ORPHANED",
    start: Math.min(claim.start, newText.length),
    end: Math.min(claim.end, newText.length),
    exact,
    prefix,
    suffix,
    score: 0,
    previousExact: exact,
  });
  if (exact.length === 0) return orphan();

  // 1. The mapped span: the editor's proposal, the diff's mapping, or (same text) the old span.
  let mapped: TextRange;
  // Whether both of the span's ends are firm (the diff vouches for them).
  let pinned = true;
  // Spaces cut from the mapped span's ends (they may have been the quote's own).
  let trimmed = 0;
  // An edge of the mapped span is one of two equally likely places.
  let ambiguous = false;
  if (proposed) {
    mapped = proposed;
  } else if (!diff) {
    mapped = { start: claim.start, end: claim.end };
  } else {
    const s = mapOffset(diff, claim.start, "start");
    const e = mapOffset(diff, claim.end, "end");
    // An end inside a small rewrite (a word or two replaced) is as good as pinned; an end inside
    // a large one (a paragraph gone or moved) is not, and the span keeps only the words that
    // stayed rather than reaching into the text that took the others' place.
    const firm = (m: MappedOffset) => m.exact || !!m.local;
    const start = firm(s) || !s.hunk ? s.offset : s.hunk.newEnd;
    const end = firm(e) || !e.hunk ? e.offset : e.hunk.newStart;
    const untrimmed = { start, end: Math.max(start, end) };
    // An edge that cut a rewritten stretch where the new words could be cut one word either way
    // (see mapOffset's alternative): the text cannot tell which, so unless the quote's exact words
    // turn up nearby, the claim is orphaned rather than placed on a guess.
    ambiguous = (firm(s) && s.alternative !== undefined) || (firm(e) && e.alternative !== undefined);
    mapped = trimSpaces(newText, untrimmed);
    trimmed = untrimmed.end - untrimmed.start - (mapped.end - mapped.start);
    pinned = firm(s) && firm(e);
  }
  const window = Math.max(64, exact.length);

  // 2. Same words at the mapped place. If the context there changed, a nearby copy of the
  // words with the old context is the better place (repeated phrases can fool a diff).
  if (newText.slice(mapped.start, mapped.end) === exact) {
    const here = contextAgreement(newText, mapped.start, mapped.end, prefix, suffix);
    if (here === 1) return placed(mapped);
    let best = { start: mapped.start, context: here };
    for (const at of exactOccurrences(newText, exact, mapped.start - window, mapped.end + window)) {
      const ctx = contextAgreement(newText, at, at + exact.length, prefix, suffix);
      if (ctx > best.context) best = { start: at, context: ctx };
    }
    return placed({ start: best.start, end: best.start + exact.length });
  }

  // 3. The same words nearby (the mapping slipped) or anywhere (the paragraph moved): the
  // occurrence whose context agrees best, if it agrees enough and no other ties with it.
  // Only where the mapping lost the span: a pinned span whose words differ was edited in place.
  const exactHit =
    bestExact(newText, exact, prefix, suffix, mapped.start - window, mapped.end + window, MIN_CONTEXT) ??
    (pinned ? null : bestExact(newText, exact, prefix, suffix, 0, newText.length, MIN_MOVED_CONTEXT));
  if (exactHit) return placed(exactHit);

  // 4. The quoted words were edited: the mapped span, or the best approximate match around it.
  if (ambiguous) return orphan();
  const candidates: Candidate[] = [];
  if (mapped.end > mapped.start) {
    if (pinned) {
      // The diff already knows how much changed inside the span (an upper bound of the edit
      // distance); the exact distance is computed only when that bound is not good enough.
      const bound = diff && !proposed ? 1 - (changedWithin(diff, claim.start, claim.end) + trimmed) / exact.length : 0;
      const quoteSim = bound >= MIN_PINNED_SIMILARITY ? bound : similarity(newText.slice(mapped.start, mapped.end), exact, MIN_PINNED_SIMILARITY);
      // The mapped span is the diff's own answer: kept whenever enough of the quote is there.
      if (quoteSim >= MIN_PINNED_SIMILARITY) return result("CHANGED", mapped, Math.round(quoteSim * 1000) / 1000);
    } else {
      const tight = tightenEdges(newText, exact, mapped);
      if (tight.quoteSim >= MIN_SEARCHED_SIMILARITY) {
        candidates.push({ ...tight.range, quoteSim: tight.quoteSim, context: contextAgreement(newText, tight.range.start, tight.range.end, prefix, suffix) });
      }
    }
  }
  {
    const near = approximate(newText, exact, prefix, suffix, mapped.start - window, mapped.end + window);
    if (near) candidates.push(near);
  }
  if (candidates.length === 0 && diff) {
    // A moved and edited paragraph reappears as inserted text.
    for (const c of diff.changes) {
      if (c.newEnd - c.newStart < exact.length / 2) continue;
      const hit = approximate(newText, exact, prefix, suffix, c.newStart - 16, c.newEnd + 16);
      if (hit && (!candidates[0] || hit.quoteSim + hit.context > candidates[0].quoteSim + candidates[0].context)) candidates[0] = hit;
    }
  }
  const accepted = candidates
    .filter((c) => c.context >= MIN_CONTEXT)
    .sort((a, b) => b.quoteSim + 0.5 * b.context - (a.quoteSim + 0.5 * a.context))[0];
  if (!accepted) return orphan();
  const range = { start: accepted.start, end: accepted.end };
  if (newText.slice(range.start, range.end) === exact) return placed(range);
  return result("CHANGED", range, Math.round(accepted.quoteSim * 1000) / 1000);
}

/** The exact occurrence in [from, to) with the best context, if good enough and unambiguous. */
function bestExact(text: string, quote: string, prefix: string, suffix: string, from: number, to: number, minContext: number): TextRange | null {
  let best: { at: number; ctx: number } | null = null;
  let tie = false;
  for (const at of exactOccurrences(text, quote, from, to)) {
    const ctx = contextAgreement(text, at, at + quote.length, prefix, suffix);
    if (!best || ctx > best.ctx) {
      best = { at, ctx };
      tie = false;
    }
    else if (ctx === best.ctx) tie = true;
  }
  if (!best || tie || best.ctx < minContext) return null;
  return { start: best.at, end: best.at + quote.length };
}

/**
 * Drops words at either edge of a found span that are not words of the quote, while enough of
 * the quote remains: a match that ran on into the next (foreign) words stops where the
 * quote's words stop. (Character similarity alone would rather keep a foreign word than none.)
 */
function tightenEdges(text: string, quote: string, range: TextRange): { range: TextRange; quoteSim: number } {
  const quoteWords = new Set(quote.split(/\s+/).filter(Boolean));
  let best = range;
  let bestSim = similarity(text.slice(range.start, range.end), quote, MIN_SEARCHED_SIMILARITY);
  for (let step = 0; step < 8; step++) {
    const slice = text.slice(best.start, best.end);
    const words = slice.split(/\s+/);
    if (words.length < 2) break;
    let next: TextRange | null = null;
    if (!quoteWords.has(words[words.length - 1])) next = trimSpaces(text, { start: best.start, end: best.start + slice.search(/\s\S*$/) });
    else if (!quoteWords.has(words[0])) next = trimSpaces(text, { start: best.start + slice.search(/\s/), end: best.end });
    if (!next) break;
    const sim = similarity(text.slice(next.start, next.end), quote, MIN_SEARCHED_SIMILARITY);
    if (sim < MIN_SEARCHED_SIMILARITY) break;
    best = next;
    bestSim = sim;
  }
  // Still beginning or ending on a word the quote does not have: the quote is not really here.
  const words = text.slice(best.start, best.end).split(/\s+/).filter(Boolean);
  if (words.length > 1 && (!quoteWords.has(words[0]) || !quoteWords.has(words[words.length - 1]))) return { range: best, quoteSim: 0 };
  return { range: best, quoteSim: bestSim };
}

/** The approximate match of the quote in [from, to) with the fewest edits (then the best context), snapped to words. */
function approximate(text: string, quote: string, prefix: string, suffix: string, from: number, to: number): Candidate | null {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < quote.length / 2) return null;
  const maxErrors = Math.floor(quote.length * (1 - MIN_SEARCHED_SIMILARITY));
  const matches = approxSearch(text.slice(lo, hi), quote, maxErrors);
  let best: Candidate | null = null;
  for (const m of matches) {
    const { range, quoteSim } = tightenEdges(text, quote, trimSpaces(text, snapToWords(text, lo + m.start, lo + m.end)));
    if (quoteSim < MIN_SEARCHED_SIMILARITY) continue;
    const context = contextAgreement(text, range.start, range.end, prefix, suffix);
    if (!best || quoteSim + 0.5 * context > best.quoteSim + 0.5 * best.context) best = { ...range, quoteSim, context };
  }
  return best;
}
