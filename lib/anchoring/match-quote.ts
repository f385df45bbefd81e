import approxSearch from "approx-string-match";
import type { TextRange } from "./types";

// Finds a quote in a text, Hypothesis-client style: every exact occurrence (or, failing that,
// every approximate one within the error budget) is scored by how well the quote, its
// prefix/suffix context and its distance from the position hint agree; the best wins.

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start offset (e.g. the stored position), used to prefer the nearest of equal matches. */
  hint?: number;
}

export interface MatchQuoteOptions {
  /** Largest share of the quote's length allowed as edits in a fuzzy match. @default 0.1 */
  maxErrorRatio?: number;
}

export interface QuoteMatch extends TextRange {
  /** Edit distance between the quote and the matched text (0 = exact). */
  errors: number;
  /** 0..1, weighted agreement of quote, context and position. */
  score: number;
}

interface RawMatch extends TextRange {
  errors: number;
}

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

function exactMatches(text: string, str: string): RawMatch[] {
  const matches: RawMatch[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    matches.push({ start: at, end: at + str.length, errors: 0 });
  }
  return matches;
}

/** Exact occurrences if there are any (approx-string-match has no fast path for them), else approximate ones. */
function search(text: string, str: string, maxErrors: number): RawMatch[] {
  const exact = exactMatches(text, str);
  if (exact.length > 0 || maxErrors < 1) return exact;
  return approxSearch(text, str, Math.floor(maxErrors));
}

/** 1 when `str` occurs in `text` unchanged, falling towards 0 with the edits it needs. */
function similarity(text: string, str: string): number {
  if (str.length === 0) return 1;
  if (text.length === 0) return 0;
  const matches = search(text, str, str.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - errors / str.length);
}

export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchQuoteOptions = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const maxErrors = Math.floor(quote.length * (options.maxErrorRatio ?? 0.1));
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;

  const score = (m: RawMatch): number => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = typeof context.hint === "number" ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    return (
      (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) /
      MAX_SCORE
    );
  };

  let best: QuoteMatch | null = null;
  for (const m of matches) {
    const s = score(m);
    if (!best || s > best.score) best = { start: m.start, end: m.end, errors: m.errors, score: s };
  }
  return best;
}
