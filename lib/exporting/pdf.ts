import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { AppError } from "@/lib/errors";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { publishedClaimUrl, readerPageStatus, readerPageUrl } from "./links";
import { batchPageContent, noteReusedFontUse, registerReusedFonts } from "./pdfkit-reuse";
import { blockText, listMarker, parseRichText, type RichBlock } from "./rich-text";
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
import { parseMarkedDiff, plainWordDiff } from "@/lib/format/word-diff";

// PDF report drawn with pdfkit: no headless browser, no network. DejaVu fonts (from the
// installed dejavu-fonts-ttf package) are embedded, subset, so accents, Cyrillic, Greek and
// Arabic letters render and the text stays extractable (pdftotext). Title block, metadata,
// verdict summary with a bar chart, each claim, corrections, and "Page n of m" footers.

const FONT_FILES = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
} as const;

type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | undefined;

/** Finds node_modules/dejavu-fonts-ttf/ttf from the working directory upwards (or FACTMARK_FONT_DIR). */
function fontDir(): string {
  const candidates: string[] = [];
  if (process.env.FACTMARK_FONT_DIR) candidates.push(process.env.FACTMARK_FONT_DIR);
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    candidates.push(path.join(dir, "node_modules", "dejavu-fonts-ttf", "ttf"));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((d) => existsSync(path.join(d, FONT_FILES.regular)));
  if (!found) {
    throw new AppError("INTERNAL", "The PDF fonts are missing: install the dejavu-fonts-ttf package (npm ci) or set FACTMARK_FONT_DIR.");
  }
  return found;
}

function fonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const dir = fontDir();
    fontCache = {
      regular: readFileSync(path.join(dir, FONT_FILES.regular)),
      bold: readFileSync(path.join(dir, FONT_FILES.bold)),
      italic: readFileSync(path.join(dir, FONT_FILES.italic)),
      boldItalic: readFileSync(path.join(dir, FONT_FILES.boldItalic)),
    };
  }
  return fontCache;
}

const INK = "#111827";
const MUTED = "#4b5563";
const LINK = "#1d4ed8";
const RULE = "#d1d5db";
const MARGIN = 56;

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** True when the first strongly directional letter is Hebrew or Arabic (the paragraph reads right to left). */
export function isRtlText(value: string): boolean {
  const first = STRONG_CHAR.exec(value);
  return first !== null && RTL_CHAR.test(first[0]);
}

type Dir = "rtl" | "ltr";

/**
 * Word-level bidi reordering of one line (a simplification of the Unicode bidi algorithm that
 * is enough for prose): words without strong letters (numbers, punctuation) join the run
 * before them; runs against the base direction keep their inner order, the rest is reversed
 * for a right-to-left base, and right-to-left runs are reversed inside a left-to-right base.
 */
export function visualWordOrder(words: string[], baseRtl: boolean): string[] {
  const base: Dir = baseRtl ? "rtl" : "ltr";
  const runs: Array<{ dir: Dir; words: string[] }> = [];
  for (const word of words) {
    const strong = STRONG_CHAR.exec(word);
    const dir: Dir = strong ? (RTL_CHAR.test(strong[0]) ? "rtl" : "ltr") : (runs[runs.length - 1]?.dir ?? base);
    const last = runs[runs.length - 1];
    if (last && last.dir === dir) last.words.push(word);
    else runs.push({ dir, words: [word] });
  }
  if (baseRtl) return runs.reverse().flatMap((r) => (r.dir === "rtl" ? [...r.words].reverse() : r.words));
  return runs.flatMap((r) => (r.dir === "rtl" ? [...r.words].reverse() : r.words));
}

function color(value: string | undefined): string {
  return value && /^#[0-9a-f]{6}$/i.test(value) ? value : UNRATED_COLOR;
}

export async function exportPdf(bundle: ReportBundle): Promise<Uint8Array> {
  const { article, organization } = bundle;
  const summary = summarizeVerdicts(bundle);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: article.language ?? "en",
    displayTitle: true,
    info: {
      Title: `${article.title}: fact-check report${bundle.scope === "all" ? " (internal)" : ""}`,
      Author: organization.name,
      Subject: `Fact-check report: ${scopeLabel(bundle)}`,
      Creator: "Factmark",
      Producer: "Factmark (pdfkit)",
      CreationDate: new Date(bundle.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });

  registerReusedFonts(doc, fonts());
  const content = batchPageContent(doc);

  const width = doc.page.width - MARGIN * 2;
  const left = MARGIN;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;
  const ensureSpace = (needed: number) => {
    if (doc.y + needed > bottomLimit()) doc.addPage();
  };
  // pdfkit shapes each word (fontkit reverses an Arabic or Hebrew word's glyphs) but lays words
  // out left to right. A right-to-left paragraph is therefore broken into lines here, and each
  // line's words are drawn in reverse order, right-aligned: it reads correctly and pdftotext's
  // bidi pass gives the text back in logical order.
  const bidiParagraph = (value: string, indent = 0) => {
    const baseRtl = isRtlText(value);
    const words = value.split(/\s+/).filter(Boolean);
    const lineWidth = width - indent;
    let line: string[] = [];
    const flush = () => {
      if (!line.length) return;
      ensureSpace(doc.currentLineHeight(true) + 2);
      doc.text(visualWordOrder(line, baseRtl).join(" "), left + indent, doc.y, { width: lineWidth, align: baseRtl ? "right" : "left", lineGap: 2 });
      line = [];
    };
    for (const word of words) {
      if (line.length && doc.widthOfString([...line, word].join(" ")) > lineWidth) flush();
      line.push(word);
    }
    flush();
    doc.x = left;
  };
  const text = (value: string, font: FontName, size: number, fill = INK, options: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(font).fontSize(size).fillColor(fill);
    if (RTL_CHAR.test(value) && !options.continued) {
      for (const para of value.split("\n")) bidiParagraph(para);
      return;
    }
    doc.text(value, { width, lineGap: 2, ...options });
  };
  const heading = (value: string) => {
    ensureSpace(60);
    doc.moveDown(0.8);
    text(value, "bold", 14);
    doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveDown(0.6);
  };

  // Title block
  text(`FACT-CHECK REPORT · ${organization.name.toUpperCase()}`, "bold", 8.5, MUTED, { characterSpacing: 0.6 });
  doc.moveDown(0.3);
  text(article.title, "bold", 20);
  doc.moveDown(0.4);
  if (bundle.scope === "all") {
    const y = doc.y;
    doc.font("bold").fontSize(10);
    const h = doc.heightOfString(INTERNAL_NOTICE, { width: width - 20 }) + 14;
    doc.rect(left, y, width, h).fillAndStroke("#fef2f2", "#b91c1c");
    doc.fillColor("#7f1d1d").text(INTERNAL_NOTICE, left + 10, y + 7, { width: width - 20 });
    doc.x = left;
    doc.y = y + h + 8;
  }

  // Metadata
  const meta: Array<[string, string, string | null]> = [];
  if (article.byline) meta.push(["Byline", oneLine(article.byline), null]);
  if (article.siteName) meta.push(["Published by", article.siteName, null]);
  const source = httpUrl(article.sourceUrl);
  if (source) meta.push(["Original story", source, source]);
  if (article.publishedAt) meta.push(["Story date", humanDate(article.publishedAt, bundle.organization.locale), null]);
  if (article.firstPublishedAt) meta.push(["Fact-check published", humanDate(article.firstPublishedAt, bundle.organization.locale), null]);
  if (article.lastPublishedAt && article.lastPublishedAt !== article.firstPublishedAt) meta.push(["Updated", humanDate(article.lastPublishedAt, bundle.organization.locale), null]);
  const revision = revisionLabel(bundle);
  if (revision) meta.push(["Article text", revision, null]);
  const reader = readerPageUrl(bundle);
  meta.push(["Reader page", reader ?? readerPageStatus(bundle), reader]);
  meta.push(["Scope", scopeLabel(bundle), null]);
  meta.push(["Report generated", humanDate(bundle.generatedAt, bundle.organization.locale), null]);
  for (const [label, value, link] of meta) {
    doc.font("bold").fontSize(9.5).fillColor(MUTED).text(`${label}: `, left, doc.y, { width, continued: true, lineGap: 2 });
    doc.font("regular").fillColor(link ? LINK : INK).text(value, { link: link ?? undefined, underline: Boolean(link), lineGap: 2 });
  }

  // Summary and chart
  heading("Summary");
  text(summary.total ? `${summary.sentence}.` : NO_CLAIMS_MESSAGE, "regular", 11);
  if (summary.total) {
    doc.moveDown(0.6);
    const max = Math.max(1, ...summary.counts.map((c) => c.count));
    const labelWidth = 110;
    const barMax = width - labelWidth - 40;
    for (const c of summary.counts) {
      ensureSpace(18);
      const y = doc.y;
      doc.font("regular").fontSize(9.5).fillColor(INK).text(c.label, left, y + 1, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
      const w = Math.max(2, (c.count / max) * barMax);
      doc.rect(left + labelWidth, y, w, 12).lineWidth(0.5).fillAndStroke(color(c.color), "#6b7280");
      doc.fillColor(INK).text(String(c.count), left + labelWidth + w + 6, y + 1, { lineBreak: false });
      doc.x = left;
      doc.y = y + 17;
    }
  }

  // Claims
  if (summary.total) {
    heading("Claims");
    bundle.claims.forEach((claim, i) => drawClaim(claim, i));
  }

  /** Rationale blocks: bold/italic runs, links as link annotations, bullet and numbered items indented. */
  function richText(blocks: RichBlock[]) {
    for (const block of blocks) {
      const marker = listMarker(block);
      const indent = block.list ? 12 * (block.depth + 1) : 0;
      const plain = blockText(block);
      doc.fontSize(10).fillColor(INK);
      if (RTL_CHAR.test(plain)) {
        doc.font("regular");
        bidiParagraph(`${marker}${plain}`, indent);
        continue;
      }
      ensureSpace(doc.currentLineHeight(true) + 2);
      const runs = marker ? [{ text: marker, bold: false, italic: false, href: null }, ...block.runs] : block.runs;
      runs.forEach((r, i) => {
        const font: FontName = r.bold && r.italic ? "boldItalic" : r.bold ? "bold" : r.italic ? "italic" : "regular";
        const last = i === runs.length - 1;
        // Every fragment states its link and underline: pdfkit carries options over between continued calls.
        const options: PDFKit.Mixins.TextOptions = { continued: !last, lineGap: 2, link: r.href ?? null, underline: Boolean(r.href) } as PDFKit.Mixins.TextOptions;
        doc.font(font).fillColor(r.href ? LINK : INK);
        if (i === 0) doc.text(r.text, left + indent, doc.y, { ...options, width: width - indent });
        else doc.text(r.text, options);
      });
      doc.x = left;
      doc.moveDown(0.25);
    }
  }

  function drawClaim(claim: ReportClaim, index: number) {
    ensureSpace(110);
    doc.x = left;
    // The heading links to the claim's own address on the reader page.
    text(`${index + 1}. ${oneLine(claim.statement)}`, "bold", 11.5, INK, { link: publishedClaimUrl(bundle, claim) ?? undefined });
    doc.moveDown(0.25);
    // Verdict pill
    const label = verdictLabel(claim);
    doc.font("bold").fontSize(9);
    const pillW = doc.widthOfString(label) + 14;
    const y = doc.y;
    doc.roundedRect(left, y, pillW, 15, 7).lineWidth(0.5).fillAndStroke(color(claim.verdict?.color), "#6b7280");
    doc.fillColor(INK).text(label, left + 7, y + 3, { lineBreak: false });
    if (bundle.scope === "all") {
      doc.font("regular").fontSize(9).fillColor(MUTED).text(`Status: ${statusLabel(claim.status)}`, left + pillW + 8, y + 3, { lineBreak: false });
    }
    doc.x = left;
    doc.y = y + 20;
    // Quote in context
    const q = quoteInContext(claim);
    if (RTL_CHAR.test(`${q.before}${q.exact}${q.after}`)) {
      doc.font("regular").fontSize(10).fillColor(INK);
      bidiParagraph(`${q.before}${q.exact}${q.after}`, 10);
    } else {
      doc.font("italic").fontSize(10).fillColor(MUTED).text(q.before, left + 10, doc.y, { width: width - 10, continued: true, lineGap: 2 });
      doc.font("bold").fillColor(INK).text(q.exact, { continued: true });
      doc.font("italic").fillColor(MUTED).text(q.after || " ");
    }
    doc.x = left;
    doc.moveDown(0.3);
    if (claim.claimant) {
      doc.font("bold").fontSize(10).fillColor(INK).text("Claimant: ", left, doc.y, { width, continued: true });
      doc.font("regular").text(oneLine(claim.claimant));
    }
    const rationale = parseRichText(claim.rationale);
    doc.moveDown(0.2);
    text("Rationale", "bold", 10);
    if (rationale.length) richText(rationale);
    else text("No rationale written yet.", "regular", 10, MUTED);
    if (claim.sources.length) {
      doc.moveDown(0.2);
      text("Sources", "bold", 10);
      for (const s of claim.sources) {
        const url = httpUrl(s.url);
        doc.font("regular").fontSize(9.5).fillColor(url ? LINK : INK).text(`• ${sourceLabel(s)}`, left, doc.y, { width, continued: true, lineGap: 1, link: url ?? undefined, underline: Boolean(url) });
        doc.fillColor(MUTED).text(` (${sourceDetail(s, bundle.organization.locale)})${url && url !== sourceLabel(s) ? ` ${url}` : ""}`, { link: undefined, underline: false });
      }
    }
    doc.moveDown(0.3);
    text(claimByline(claim, bundle.organization.locale), "italic", 8.5, MUTED);
    doc.moveDown(0.4);
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveDown(0.8);
  }

  // Corrections
  if (bundle.corrections.length) {
    heading("Corrections");
    for (const c of bundle.corrections) {
      ensureSpace(40);
      text(`${humanDate(c.createdAt, bundle.organization.locale)} (update ${c.number})`, "bold", 10);
      text(c.reason, "regular", 10);
      for (const change of c.changes) drawChange(change);
      doc.moveDown(0.4);
    }
  }

  /** A corrections-log line: removed words struck through (red), added words underlined (green). */
  function drawChange(change: string) {
    if (RTL_CHAR.test(change)) {
      text(`• ${plainWordDiff(change)}`, "regular", 9.5, MUTED);
      return;
    }
    const parts = [{ kind: "same" as const, text: "• " }, ...parseMarkedDiff(change)];
    doc.font("regular").fontSize(9.5);
    parts.forEach((p, i) => {
      const options = { continued: i < parts.length - 1, lineGap: 2, strike: p.kind === "removed", underline: p.kind === "added" };
      doc.fillColor(p.kind === "removed" ? "#b91c1c" : p.kind === "added" ? "#166534" : MUTED);
      if (i === 0) doc.text(p.text, left, doc.y, { ...options, width });
      else doc.text(p.text, options);
    });
    doc.x = left;
  }

  // Footers: page numbers on every page (bottom margin lifted so the footer does not paginate).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${oneLine(article.title).slice(0, 80)}${bundle.scope === "all" ? " · INTERNAL" : ""}`, left, doc.page.height - 40, { width: width - 80, lineBreak: false, ellipsis: true })
      .text(`Page ${i + 1 - range.start} of ${range.count}`, left + width - 80, doc.page.height - 40, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  content.flush();
  doc.end();
  noteReusedFontUse();
  return done;
}
