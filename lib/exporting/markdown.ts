import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { claimUrl } from "./claimreview";
import { summarizeVerdicts } from "./summary";
import {
  claimByline,
  htmlToText,
  httpUrl,
  humanDate,
  INTERNAL_NOTICE,
  NO_CLAIMS_MESSAGE,
  oneLine,
  quoteInContext,
  scopeLabel,
  sourceDetail,
  sourceLabel,
  statusLabel,
  verdictLabel,
} from "./text";

// Markdown report (CommonMark + GFM tables). User text is escaped so it cannot become
// markup, raw HTML or a link; links are only written for http(s) URLs.

/** Escapes Markdown syntax characters (and "<" so no raw HTML) in inline text. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&").replace(/^(\s*)([-=]|\d+\.)(?=\s|$)/gm, "$1\\$2");
}

/** A link target in angle brackets, so spaces and parentheses cannot break it. */
function mdUrl(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function mdLink(text: string, url: string | null): string {
  return url ? `[${mdEscape(text)}](${mdUrl(url)})` : mdEscape(text);
}

/** Multi-line text as Markdown paragraphs, each line escaped. */
function mdBlock(text: string, indent = ""): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith("• ") ? `${indent}- ${mdEscape(line.slice(2))}` : line ? `${indent}${mdEscape(line)}` : ""))
    .join("\n");
}

function claimSection(bundle: ReportBundle, claim: ReportClaim, index: number): string {
  const q = quoteInContext(claim);
  const lines: string[] = [];
  lines.push(`### ${index + 1}. ${mdEscape(oneLine(claim.statement))}`, "");
  lines.push(`> ${mdEscape(q.before)}**${mdEscape(q.exact)}**${mdEscape(q.after)}`, "");
  lines.push(`- **Verdict:** ${mdEscape(verdictLabel(claim))}`);
  if (claim.claimant) lines.push(`- **Claimant:** ${mdEscape(oneLine(claim.claimant))}`);
  if (bundle.scope === "all") lines.push(`- **Status:** ${statusLabel(claim.status)}`);
  lines.push(`- **Link:** ${mdUrl(claimUrl(bundle, claim.id))}`);
  lines.push("");
  const rationale = htmlToText(claim.rationale);
  lines.push("**Rationale**", "", rationale ? mdBlock(rationale) : "_No rationale written yet._", "");
  if (claim.sources.length) {
    lines.push("**Sources**", "");
    for (const s of claim.sources) {
      const archive = httpUrl(s.archiveUrl);
      lines.push(
        `- ${mdLink(sourceLabel(s), httpUrl(s.url))} (${mdEscape(sourceDetail(s))})${archive ? ` [archived](${mdUrl(archive)})` : ""}`,
      );
      if (s.excerpt) lines.push(`  > ${mdEscape(oneLine(s.excerpt))}`);
    }
    lines.push("");
  }
  lines.push(`_${mdEscape(claimByline(claim))}_`, "");
  return lines.join("\n");
}

export function exportMarkdown(bundle: ReportBundle): string {
  const { article, organization } = bundle;
  const summary = summarizeVerdicts(bundle);
  const out: string[] = [];
  out.push(`# ${mdEscape(oneLine(article.title))}`, "");
  if (bundle.scope === "all") out.push(`> **${mdEscape(INTERNAL_NOTICE)}**`, "");
  out.push(`Fact-check report by ${mdEscape(organization.name)} · ${scopeLabel(bundle)}`, "");
  const meta: Array<[string, string]> = [];
  if (article.byline) meta.push(["Byline", mdEscape(oneLine(article.byline))]);
  if (article.siteName) meta.push(["Published by", mdEscape(article.siteName)]);
  const source = httpUrl(article.sourceUrl);
  if (source) meta.push(["Original story", mdUrl(source)]);
  if (article.publishedAt) meta.push(["Story date", humanDate(article.publishedAt)]);
  if (article.firstPublishedAt) meta.push(["Fact-check published", humanDate(article.firstPublishedAt)]);
  if (article.lastPublishedAt && article.lastPublishedAt !== article.firstPublishedAt) meta.push(["Updated", humanDate(article.lastPublishedAt)]);
  meta.push(["Reader page", mdUrl(article.readerUrl)]);
  meta.push(["Report generated", humanDate(bundle.generatedAt)]);
  for (const [k, v] of meta) out.push(`- **${k}:** ${v}`);
  out.push("", "## Summary", "");
  if (summary.total === 0) {
    out.push(NO_CLAIMS_MESSAGE, "");
  } else {
    out.push(`${mdEscape(summary.sentence)}.`, "", "| Verdict | Claims | Share |", "|---|---:|---:|");
    for (const c of summary.counts) out.push(`| ${mdEscape(c.label)} | ${c.count} | ${Math.round(c.share * 100)}% |`);
    out.push("", "## Claims", "");
    bundle.claims.forEach((claim, i) => out.push(claimSection(bundle, claim, i)));
  }
  if (bundle.corrections.length) {
    out.push("## Corrections", "");
    for (const c of bundle.corrections) {
      out.push(`- **${humanDate(c.createdAt)}** (update ${c.number}): ${mdEscape(oneLine(c.reason))}`);
      for (const change of c.changes) out.push(`  - ${mdEscape(oneLine(change))}`);
    }
    out.push("");
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
