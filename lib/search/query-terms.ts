import type { HighlightSegment } from "@/lib/schemas/search";

// Pure: turns what a person typed into safe database queries. Only letters and digits reach the
// database's query syntax, so quotes, *, -, OR, NEAR or parentheses can never cause a syntax error.

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 24;
/** Marks the database puts around matched words (control characters never appear in our text). */
export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

export interface ParsedQuery {
  /** The query as searched (trimmed, maybe shortened). */
  text: string;
  /** Lower-case words, de-duplicated, in order. */
  terms: string[];
  note: string | null;
}

export function parseSearchQuery(raw: string): ParsedQuery {
  let text = raw.replace(/\s+/g, " ").trim();
  let note: string | null = null;
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS).replace(/\s+\S*$/, "");
    note = `Your search was shortened to its first ${MAX_QUERY_CHARS} characters.`;
  }
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
  // Words in nearly every row ("the", "of") only make the database walk the whole index.
  const terms = words.filter((w) => !STOPWORDS.has(w)).slice(0, MAX_TERMS);
  if (terms.length === 0 && words.length) note = `“${words.join(" ")}” is too common to search on its own: add a more specific word.`;
  else if (terms.length === 0 && text) note = "Type letters or numbers to search; punctuation alone matches nothing.";
  return { text, terms, note };
}

/** Lucene's English stop words. */
export const STOPWORDS = new Set("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(" "));

/** The last word is matched as a prefix while typing, once it has three letters. */
const prefixable = (term: string) => term.length >= 3;

/** SQLite FTS5 MATCH expression: every term quoted (a literal), the last one as a prefix while typing. */
export function fts5Match(terms: string[], mode: "all" | "any" = "all", prefixLast = true): string {
  const quoted = terms.map((t, i) => `"${t}"${prefixLast && i === terms.length - 1 && prefixable(t) ? "*" : ""}`);
  return quoted.join(mode === "all" ? " " : " OR ");
}

/** PostgreSQL to_tsquery text: terms are letters/digits only, so no operator can be injected. */
export function tsqueryText(terms: string[], mode: "all" | "any" = "all", prefixLast = true): string {
  const parts = terms.map((t, i) => `'${t}'${prefixLast && i === terms.length - 1 && prefixable(t) ? ":*" : ""}`);
  return parts.join(mode === "all" ? " & " : " | ");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** Plain text of a snippet the database marked with HIT_START/HIT_END: tags dropped, entities decoded. */
export function highlightSegments(marked: string | null | undefined): HighlightSegment[] {
  if (!marked) return [];
  const plain = marked
    .replace(/<[^>]*>/g, " ")
    .replace(/^[^<]*?>/, "")
    .replace(/<[^>]*$/, "")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e] ?? "")
    .replace(/\s+/g, " ");
  const segments: HighlightSegment[] = [];
  let hit = false;
  let buf = "";
  for (const ch of plain) {
    if (ch === HIT_START || ch === HIT_END) {
      if (buf) segments.push({ text: buf, hit });
      buf = "";
      hit = ch === HIT_START;
    } else buf += ch;
  }
  if (buf) segments.push({ text: buf, hit });
  return segments;
}

/**
 * "Shares at least two of these words" (the first `max` terms, usually the most informative):
 * every pair ANDed, the pairs ORed. One term alone is itself.
 */
export function pairsQuery(terms: string[], syntax: "fts5" | "tsquery", max = 6): string {
  const t = terms.slice(0, max).map((x) => (syntax === "fts5" ? `"${x}"` : `'${x}'`));
  if (t.length < 2) return t.join("");
  const pairs: string[] = [];
  for (let i = 0; i < t.length; i++) for (let j = i + 1; j < t.length; j++) pairs.push(syntax === "fts5" ? `(${t[i]} AND ${t[j]})` : `(${t[i]} & ${t[j]})`);
  return pairs.join(syntax === "fts5" ? " OR " : " | ");
}
