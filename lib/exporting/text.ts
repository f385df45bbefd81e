import { safeUrl } from "@/lib/document/escape";
import { formatDate } from "@/lib/format/format-date";
import type { ReportBundle, ReportClaim, ReportSource } from "@/lib/schemas/report";
import type { Stance } from "@/lib/schemas/enums";

// Small text helpers shared by the exporters: rationale HTML to plain text, the quote in
// its context, dates, stance labels. Pure, no DOM.

export const NO_CLAIMS_MESSAGE = "No claims have been checked in this article.";
export const INTERNAL_NOTICE =
  "INTERNAL: this report includes draft and unpublished claims. Do not share it outside the desk.";

export const STANCE_LABELS: Record<Stance, string> = {
  SUPPORTS: "Supports",
  REFUTES: "Refutes",
  CONTEXT: "Context",
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  euro: "€",
};

/** Decodes the character references sanitized HTML carries (named ones above, and all numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Rationale HTML (sanitized: p, br, strong, em, a, ul, ol, li) to readable plain text:
 * paragraphs separated by a blank line, list items as "• ", links as "text (url)".
 */
export function htmlToText(html: string): string {
  if (!html) return "";
  let s = html.replace(/\r\n?/g, "\n").replace(/\s*\n\s*/g, " ");
  s = s.replace(/<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi, (_m, _q, dq, sq, inner: string) => {
    const href = decodeEntities(dq ?? sq ?? "");
    const text = inner.replace(/<[^>]*>/g, "");
    const plain = decodeEntities(text).trim();
    return plain && plain !== href ? `${text} (${href})` : href;
  });
  s = s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n• ")
    .replace(/<\/(p|div|h[1-6]|blockquote|ul|ol)>/gi, "\n\n")
    .replace(/<(p|div|h[1-6]|blockquote|ul|ol)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  s = decodeEntities(s).replace(/\u00a0/g, " ");
  return s
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Collapses whitespace, keeping the text on one line (for context snippets and table cells). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The claim's quote in its context: "…prefix", "exact", "suffix…", whitespace collapsed but kept at the seams. */
export function quoteInContext(claim: Pick<ReportClaim, "prefix" | "exact" | "suffix">): {
  before: string;
  exact: string;
  after: string;
} {
  const before = claim.prefix.replace(/\s+/g, " ").trimStart();
  const after = claim.suffix.replace(/\s+/g, " ").trimEnd();
  return {
    before: before ? `…${before}` : "",
    exact: oneLine(claim.exact),
    after: after ? `${after}…` : "",
  };
}

/** "2021-12-30" from an ISO timestamp or date; "" for null. UTC, so the output is reproducible. */
export function isoDate(value: string | null | undefined): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().slice(0, 10);
}

/** The report's date format: the workspace's locale ("30 Dec 2021" in en-GB), UTC; "" for null. */
export function humanDate(value: string | null | undefined, locale?: string | null): string {
  return formatDate(value, locale);
}

export function verdictLabel(claim: ReportClaim): string {
  return claim.verdict?.label ?? "Not rated";
}

export function sourceLabel(source: ReportSource): string {
  return oneLine(source.title || source.publisher || source.url);
}

/** "Supports · Reuters · 2021-12-30" style detail line for a source. */
export function sourceDetail(source: ReportSource, locale?: string | null): string {
  const day = (value: string) => formatDate(value, locale);
  return [STANCE_LABELS[source.stance], source.publisher, source.publishedOn ? `published ${day(source.publishedOn)}` : null, source.accessedOn ? `accessed ${day(source.accessedOn)}` : null]
    .filter(Boolean)
    .join(" · ");
}

/** "Reviewed by X on <date>" etc., the people and dates of a claim in one line. */
export function claimByline(claim: ReportClaim, locale?: string | null): string {
  const humanDate = (value: string | null | undefined) => formatDate(value, locale);
  const parts = [`Checked by ${claim.author.name}`];
  if (claim.reviewer) parts.push(`reviewed by ${claim.reviewer.name}${claim.approvedAt ? ` on ${humanDate(claim.approvedAt)}` : ""}`);
  else if (claim.approvedAt) parts.push(`approved on ${humanDate(claim.approvedAt)}`);
  if (claim.publishedAt) parts.push(`published ${humanDate(claim.publishedAt)}`);
  parts.push(`last updated ${humanDate(claim.updatedAt)}`);
  return parts.join("; ");
}

/** Title block subtitle: scope in words. */
export function scopeLabel(bundle: ReportBundle): string {
  return bundle.scope === "all" ? "Internal report: all claims, including drafts" : "Published claims";
}

/** Claim status in words, for internal reports. */
export function statusLabel(status: ReportClaim["status"]): string {
  return { DRAFT: "Draft", IN_REVIEW: "In review", APPROVED: "Approved", PUBLISHED: "Published" }[status];
}

/** The URL as written if it is http(s), else null (safeUrl normalises; exports keep the author's form). */
export function httpUrl(value: string | null | undefined): string | null {
  return safeUrl(value) ? value!.trim() : null;
}

/** "Revision 2 · sha256 5f2b1c0d…": the article text an export describes (null for snapshots made before revisions). */
export function revisionLabel(bundle: ReportBundle): string | null {
  const r = bundle.article.revision;
  return r ? `Revision ${r.number} · sha256 ${r.contentHash.slice(0, 12)}…` : null;
}
