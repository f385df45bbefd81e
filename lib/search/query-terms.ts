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
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...new Set(words)].slice(0, MAX_TERMS);
  if (terms.length === 0 && text) note = "Type letters or numbers to search; punctuation alone matches nothing.";
  return { text, terms, note };
}

/** SQLite FTS5 MATCH expression: every term quoted (a literal), the last one as a prefix while typing. */
export function fts5Match(terms: string[], mode: "all" | "any" = "all", prefixLast = true): string {
  const quoted = terms.map((t, i) => `"${t}"${prefixLast && i === terms.length - 1 ? "*" : ""}`);
  return quoted.join(mode === "all" ? " " : " OR ");
}

/** PostgreSQL to_tsquery text: terms are letters/digits only, so no operator can be injected. */
export function tsqueryText(terms: string[], mode: "all" | "any" = "all", prefixLast = true): string {
  const parts = terms.map((t, i) => `'${t}'${prefixLast && i === terms.length - 1 ? ":*" : ""}`);
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
