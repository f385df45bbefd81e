import Papa from "papaparse";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { publishedClaimUrl } from "./links";
import { htmlToText, httpUrl, oneLine, STANCE_LABELS } from "./text";

/**
 * CSV export: one row per claim, UTF-8 with a byte-order mark (so Excel reads accents and
 * Cyrillic correctly), comma-separated, RFC 4180 quoting, CRLF line ends.
 *
 * Columns, in this order (stable: new columns are only ever appended):
 *
 * | column           | content                                                             |
 * |------------------|---------------------------------------------------------------------|
 * | article_id       | Factmark article id                                                 |
 * | article_slug     | the article's slug (reader page /r/<slug>)                          |
 * | article_title    | title of the checked story                                          |
 * | article_url      | the original story's URL                                            |
 * | article_revision | the text revision the quotes and offsets refer to (empty if unknown)|
 * | claim_id         | Factmark claim id                                                   |
 * | claim_url        | <reader url>#claim-<id>; empty until the claim is on a published page |
 * | status           | DRAFT, IN_REVIEW, APPROVED or PUBLISHED                             |
 * | quote            | the exact quoted text (W3C TextQuoteSelector exact)                 |
 * | quote_prefix     | text just before the quote                                          |
 * | quote_suffix     | text just after the quote                                           |
 * | start            | offset of the quote in the article's canonical text (UTF-16 units)  |
 * | end              | end offset, exclusive                                               |
 * | statement        | the claim as the desk phrased it                                    |
 * | claimant         | who made the claim                                                  |
 * | verdict_key      | stable verdict key (e.g. "mostly-false"); empty when not rated      |
 * | verdict          | verdict label                                                       |
 * | rating_value     | numeric rating on the scale; empty for verdicts outside it          |
 * | best_rating      | best rating of the scale                                            |
 * | worst_rating     | worst rating of the scale                                           |
 * | rationale        | the rationale as plain text                                         |
 * | source_count     | number of sources                                                   |
 * | sources          | one source a line: "<Stance>: <title> <url>"                        |
 * | source_urls      | the source URLs, space-separated                                    |
 * | author           | who checked the claim                                               |
 * | reviewer         | who approved it                                                     |
 * | created_at       | ISO 8601 timestamps (UTC) ...                                       |
 * | updated_at       |                                                                     |
 * | approved_at      |                                                                     |
 * | published_at     |                                                                     |
 *
 * Spreadsheet safety: any cell that begins with =, +, -, @, a tab or a carriage return is
 * prefixed with an apostrophe so a spreadsheet shows it as text instead of running a formula.
 */
export const CSV_COLUMNS = [
  "article_id",
  "article_slug",
  "article_title",
  "article_url",
  "article_revision",
  "claim_id",
  "claim_url",
  "status",
  "quote",
  "quote_prefix",
  "quote_suffix",
  "start",
  "end",
  "statement",
  "claimant",
  "verdict_key",
  "verdict",
  "rating_value",
  "best_rating",
  "worst_rating",
  "rationale",
  "source_count",
  "sources",
  "source_urls",
  "author",
  "reviewer",
  "created_at",
  "updated_at",
  "approved_at",
  "published_at",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes cells a spreadsheet would treat as a formula with an apostrophe. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function claimCsvRow(bundle: ReportBundle, claim: ReportClaim): CsvRow {
  const { article, scale } = bundle;
  return {
    article_id: article.id,
    article_slug: article.slug,
    article_title: article.title,
    article_url: httpUrl(article.sourceUrl) ?? "",
    article_revision: article.revision ? String(article.revision.number) : "",
    claim_id: claim.id,
    claim_url: publishedClaimUrl(bundle, claim) ?? "",
    status: claim.status,
    quote: claim.exact,
    quote_prefix: oneLine(claim.prefix),
    quote_suffix: oneLine(claim.suffix),
    start: String(claim.start),
    end: String(claim.end),
    statement: claim.statement,
    claimant: claim.claimant ?? "",
    verdict_key: claim.verdict?.key ?? "",
    verdict: claim.verdict?.label ?? "",
    rating_value: claim.verdict?.ratingValue != null ? String(claim.verdict.ratingValue) : "",
    best_rating: String(scale.bestRating),
    worst_rating: String(scale.worstRating),
    rationale: htmlToText(claim.rationale),
    source_count: String(claim.sources.length),
    sources: claim.sources.map((s) => `${STANCE_LABELS[s.stance]}: ${oneLine(s.title || s.publisher || "")} ${s.url}`.replace(/: {2}/, ": ")).join("\n"),
    source_urls: claim.sources.map((s) => s.url).join(" "),
    author: claim.author.name,
    reviewer: claim.reviewer?.name ?? "",
    created_at: claim.createdAt,
    updated_at: claim.updatedAt,
    approved_at: claim.approvedAt ?? "",
    published_at: claim.publishedAt ?? "",
  };
}

/** Rows of several bundles (a workspace export) or one. */
export function csvRows(bundles: ReportBundle | ReportBundle[]): CsvRow[] {
  return (Array.isArray(bundles) ? bundles : [bundles]).flatMap((b) => b.claims.map((c) => claimCsvRow(b, c)));
}

/** Serialises rows with the stable header; cells neutralised; BOM first. */
export function rowsToCsv(rows: CsvRow[]): string {
  const data = rows.map((row) => CSV_COLUMNS.map((col) => neutralizeCell(row[col])));
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: "\r\n", quotes: false, escapeFormulae: false })}\r\n`;
}

/** The "csv" export of one article (a header only when it has no claims). */
export function exportCsv(bundle: ReportBundle): string {
  return rowsToCsv(csvRows(bundle));
}
