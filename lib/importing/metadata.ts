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
