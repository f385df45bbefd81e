import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { publishedClaimUrl, readerPageStatus, readerPageUrl } from "./links";
import { parseRichText, type RichBlock, type RichRun } from "./rich-text";
import { summarizeVerdicts } from "./summary";
import {
  claimByline,
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
  revisionLabel,
} from "./text";
import { parseMarkedDiff } from "@/lib/format/word-diff";

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

/** One formatted run: emphasis markers hug the words (spaces kept outside), links only for safe targets. */
function mdRun(run: RichRun): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
  const breaks = (space: string) => space.replace(/\n/g, "\\\n");
  let inner = breaks(mdEscape(m[2]));
  if (!inner) return breaks(run.text);
  if (run.bold && run.italic) inner = `***${inner}***`;
  else if (run.bold) inner = `**${inner}**`;
  else if (run.italic) inner = `*${inner}*`;
  if (run.href) inner = `[${inner}](${mdUrl(run.href)})`;
  return `${breaks(m[1])}${inner}${breaks(m[3])}`;
}

/** A corrections-log line: words taken out struck through, words put in bold. */
function mdChange(change: string): string {
  return parseMarkedDiff(change)
    .map((p) => (p.kind === "removed" ? `~~${mdEscape(p.text)}~~` : p.kind === "added" ? `**${mdEscape(p.text)}**` : mdEscape(p.text)))
    .join("");
}

/** Rationale HTML as Markdown: paragraphs, bullet and numbered lists (nested by indent), bold, italic, links. */
export function mdRichText(html: string): string {
  const out: string[] = [];
  let previous: RichBlock | null = null;
  for (const block of parseRichText(html)) {
    const text = block.runs.map(mdRun).join("");
    if (previous && !(previous.list && block.list)) out.push("");
    if (block.list) out.push(`${"    ".repeat(block.depth)}${block.list === "ol" ? `${block.number}.` : "-"} ${text.replace(/\n/g, `\n${"    ".repeat(block.depth + 1)}`)}`);
    else out.push(text);
    previous = block;
  }
  return out.join("\n");
}

function claimSection(bundle: ReportBundle, claim: ReportClaim, index: number): string {
  const q = quoteInContext(claim);
  const lines: string[] = [];
  lines.push(`### ${index + 1}. ${mdEscape(oneLine(claim.statement))}`, "");
  lines.push(`> ${mdEscape(q.before)}**${mdEscape(q.exact)}**${mdEscape(q.after)}`, "");
  lines.push(`- **Verdict:** ${mdEscape(verdictLabel(claim))}`);
  if (claim.claimant) lines.push(`- **Claimant:** ${mdEscape(oneLine(claim.claimant))}`);
  if (bundle.scope === "all") lines.push(`- **Status:** ${statusLabel(claim.status)}`);
  const link = publishedClaimUrl(bundle, claim);
  lines.push(`- **Link:** ${link ? mdUrl(link) : "not on the reader page (not published)"}`);
  lines.push("");
  const rationale = mdRichText(claim.rationale);
  lines.push("**Rationale**", "", rationale || "_No rationale written yet._", "");
  if (claim.sources.length) {
    lines.push("**Sources**", "");
    for (const s of claim.sources) {
      const archive = httpUrl(s.archiveUrl);
      lines.push(
        `- ${mdLink(sourceLabel(s), httpUrl(s.url))} (${mdEscape(sourceDetail(s, bundle.organization.locale))})${archive ? ` [archived](${mdUrl(archive)})` : ""}`,
      );
      if (s.excerpt) lines.push(`  > ${mdEscape(oneLine(s.excerpt))}`);
    }
    lines.push("");
  }
  lines.push(`_${mdEscape(claimByline(claim, bundle.organization.locale))}_`, "");
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
  if (article.publishedAt) meta.push(["Story date", humanDate(article.publishedAt, bundle.organization.locale)]);
  if (article.firstPublishedAt) meta.push(["Fact-check published", humanDate(article.firstPublishedAt, bundle.organization.locale)]);
  if (article.lastPublishedAt && article.lastPublishedAt !== article.firstPublishedAt) meta.push(["Updated", humanDate(article.lastPublishedAt, bundle.organization.locale)]);
  const reader = readerPageUrl(bundle);
  meta.push(["Reader page", reader ? mdUrl(reader) : readerPageStatus(bundle)]);
  const revision = revisionLabel(bundle);
  if (revision) meta.push(["Article text", revision]);
  meta.push(["Report generated", humanDate(bundle.generatedAt, bundle.organization.locale)]);
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
      out.push(`- **${humanDate(c.createdAt, bundle.organization.locale)}** (update ${c.number}): ${mdEscape(oneLine(c.reason))}`);
      for (const change of c.changes) out.push(`  - ${mdChange(oneLine(change))}`);
    }
    out.push("");
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
