import type { BlockNode } from "@/lib/document/types";
import { blockText } from "./doc-utils";

const EXCERPT_MAX = 300;

/** The first paragraph of the body, shortened at a word boundary. */
export function excerptOf(blocks: BlockNode[]): string | null {
  const first = blocks.find((b) => b.type === "paragraph" && blockText(b).trim() !== "");
  if (!first) return null;
  const text = blockText(first).replace(/\s+/g, " ").trim();
  if (text.length <= EXCERPT_MAX) return text;
  const cut = text.slice(0, EXCERPT_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_MAX - 40)).trimEnd()}…`;
}

/** An ISO date-time from whatever date string a page carries, or null when it does not parse. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  // "2019-04-28 06:01:07" is not ISO; Date parses it as local time, which is the best guess.
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d/.test(trimmed) ? trimmed.replace(" ", "T") : trimmed);
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  return year < 1800 || year > 2200 ? null : d.toISOString();
}

/** A clean one-line string, or null when empty. */
export function cleanString(value: string | null | undefined, max = 500): string | null {
  if (value == null) return null;
  const t = value.replace(/\s+/g, " ").trim();
  return t === "" ? null : t.slice(0, max);
}

/** Language tag normalised to BCP 47 casing ("en-us" → "en-US"), or null. */
export function languageTag(value: string | null | undefined): string | null {
  const t = value?.trim();
  if (!t || !/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(t)) return null;
  const [lang, ...rest] = t.replace(/_/g, "-").split("-");
  return [lang.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join("-");
}

/** "By Jane Doe and John Roe, Staff Writers" → ["Jane Doe", "John Roe"]. */
export function authorsOf(byline: string | null | undefined): string[] {
  const t = cleanString(byline);
  if (!t) return [];
  const names = t
    .replace(/^by\s+/i, "")
    .replace(/\s*[|–—]\s*.*$/, "")
    .split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n && /^\p{Lu}/u.test(n) && n.split(/\s+/).length <= 5 && !/\b(staff|writer|reporter|correspondent|editor|press|news|agency|times|post)\b/i.test(n));
  return [...new Set(names)].slice(0, 20);
}

/** Each parsable JSON-LD script of a page (at most 20, each under 200 kB); broken ones are skipped. */
export function forEachJsonLd(scripts: readonly string[], visit: (node: unknown) => void): void {
  for (const s of scripts.slice(0, 20)) {
    if (s.length > 200_000) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      continue;
    }
    visit(parsed);
  }
}

interface JsonLdFacts {
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
}

/** datePublished, author names and publisher name from the page's JSON-LD (NewsArticle and kin). */
export function jsonLdFacts(scripts: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = { datePublished: null, authors: [], publisher: null };
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== "object" || depth > 6) return;
    if (Array.isArray(node)) return node.slice(0, 50).forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    const type = String(o["@type"] ?? "");
    if (/Article|Posting|Report|BlogPosting/i.test(type)) {
      if (!facts.datePublished && typeof o.datePublished === "string") facts.datePublished = o.datePublished;
      const author = o.author;
      for (const a of Array.isArray(author) ? author : author ? [author] : []) {
        const name = typeof a === "string" ? a : typeof a === "object" && a && typeof (a as { name?: unknown }).name === "string" ? (a as { name: string }).name : null;
        if (name && cleanString(name, 120)) facts.authors.push(cleanString(name, 120)!);
      }
      const pub = o.publisher as { name?: unknown } | undefined;
      if (!facts.publisher && pub && typeof pub.name === "string") facts.publisher = cleanString(pub.name, 200);
    }
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  forEachJsonLd(scripts, (node) => visit(node, 0));
  facts.authors = [...new Set(facts.authors)].slice(0, 20);
  return facts;
}

/** A date written in an article address: /2019/11/19/ or /2019-11-19-. */
export function dateFromUrl(url: string | null | undefined): string | null {
  const m = url ? /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url) : null;
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : null;
}

/** The date in a dateline such as "Published 10:02 AM EST Nov 19, 2019" or "19 November 2019". */
export function dateFromLine(line: string | null | undefined): string | null {
  if (!line) return null;
  const iso = /\b((?:19|20)\d{2}-\d{2}-\d{2})\b/.exec(line);
  if (iso) return isoDate(`${iso[1]}T00:00:00Z`);
  // Month names as printed in datelines: "Jan 13, 2017", "JAN. 13, 2017", "13 January 2017".
  const mdy = /\b([A-Z][A-Za-z]{2,8})\.? (\d{1,2}),? ((?:19|20)\d{2})\b/.exec(line);
  const dmy = /\b(\d{1,2}) ([A-Z][A-Za-z]{2,8}),? ((?:19|20)\d{2})\b/.exec(line);
  const [month, day, year] = mdy ? [mdy[1], mdy[2], mdy[3]] : dmy ? [dmy[2], dmy[1], dmy[3]] : [];
  if (!month) return null;
  const d = new Date(`${month.slice(0, 1)}${month.slice(1, 3).toLowerCase()} ${day}, ${year} 00:00:00 UTC`);
  return Number.isNaN(d.getTime()) ? null : isoDate(d.toISOString());
}
