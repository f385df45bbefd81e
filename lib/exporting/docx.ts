import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
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

// DOCX report (Office Open XML through the docx package): the same content as the PDF,
// editable in Word and LibreOffice. Headings use the built-in heading styles, links are real
// hyperlinks, the verdict chart is a table of shaded bars, footers carry "Page n of m".

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

function rtl(text: string): boolean {
  const m = STRONG.exec(text);
  return m !== null && RTL.test(m[0]);
}

function fill(color: string | undefined): string {
  return (color && /^#[0-9a-f]{6}$/i.test(color) ? color : UNRATED_COLOR).slice(1);
}

function run(text: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun {
  return new TextRun({ text, bold: opts.bold, italics: opts.italics, color: opts.color, size: opts.size, rightToLeft: RTL.test(text) || undefined });
}

function para(children: Array<TextRun | ExternalHyperlink>, opts: { rtlOf?: string; spacingAfter?: number; indent?: number } = {}): Paragraph {
  const isRtl = opts.rtlOf ? rtl(opts.rtlOf) : false;
  return new Paragraph({
    children,
    bidirectional: isRtl || undefined,
    spacing: { after: opts.spacingAfter ?? 80 },
    indent: opts.indent ? { left: opts.indent } : undefined,
  });
}

function link(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink" })] });
}

function textParagraphs(text: string): Paragraph[] {
  return text.split("\n").map((line) =>
    line.startsWith("• ") ? new Paragraph({ children: [run(line.slice(2))], bullet: { level: 0 }, bidirectional: rtl(line) || undefined }) : para([run(line)], { rtlOf: line }),
  );
}

function claimBlock(bundle: ReportBundle, claim: ReportClaim, index: number): Paragraph[] {
  const q = quoteInContext(claim);
  const out: Paragraph[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(`${index + 1}. ${oneLine(claim.statement)}`)], bidirectional: rtl(claim.statement) || undefined, keepNext: true }));
  out.push(
    para([
      new TextRun({ text: ` ${verdictLabel(claim)} `, bold: true, shading: { type: ShadingType.CLEAR, color: "auto", fill: fill(claim.verdict?.color) } }),
      ...(bundle.scope === "all" ? [run(`   Status: ${statusLabel(claim.status)}`, { color: "4B5563" })] : []),
    ]),
  );
  out.push(
    para([run(q.before, { italics: true, color: "4B5563" }), run(q.exact, { bold: true }), run(q.after, { italics: true, color: "4B5563" })], {
      rtlOf: q.exact,
      indent: 360,
    }),
  );
  if (claim.claimant) out.push(para([run("Claimant: ", { bold: true }), run(oneLine(claim.claimant))]));
  out.push(para([run("Rationale", { bold: true })], { spacingAfter: 40 }));
  const rationale = htmlToText(claim.rationale);
  out.push(...(rationale ? textParagraphs(rationale) : [para([run("No rationale written yet.", { italics: true, color: "4B5563" })])]));
  if (claim.sources.length) {
    out.push(para([run("Sources", { bold: true })], { spacingAfter: 40 }));
    for (const s of claim.sources) {
      const url = httpUrl(s.url);
      const archive = httpUrl(s.archiveUrl);
      const children: Array<TextRun | ExternalHyperlink> = [url ? link(sourceLabel(s), url) : run(sourceLabel(s)), run(` (${sourceDetail(s)})`, { color: "4B5563" })];
      if (url && url !== sourceLabel(s)) children.push(run(` ${url}`, { color: "4B5563", size: 18 }));
      if (archive) children.push(run(" · "), link("archived copy", archive));
      out.push(new Paragraph({ children, bullet: { level: 0 }, bidirectional: rtl(sourceLabel(s)) || undefined }));
      if (s.excerpt) out.push(para([run(`“${oneLine(s.excerpt)}”`, { italics: true, size: 18 })], { indent: 720 }));
    }
  }
  out.push(para([run(claimByline(claim), { italics: true, color: "4B5563", size: 17 })], { spacingAfter: 20 }));
  out.push(
    new Paragraph({
      children: [link(claimUrl(bundle, claim.id), claimUrl(bundle, claim.id))],
      spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "D1D5DB", space: 6 } },
    }),
  );
  return out;
}

function summaryTable(bundle: ReportBundle): Table {
  const summary = summarizeVerdicts(bundle);
  const max = Math.max(1, ...summary.counts.map((c) => c.count));
  const cell = (children: Array<TextRun>, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new TableCell({ children: [new Paragraph({ children, alignment: align })], width: { size: width, type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell([run("Verdict", { bold: true })], 25), cell([run("Chart", { bold: true })], 60), cell([run("Claims", { bold: true })], 15, AlignmentType.RIGHT)] }),
      ...summary.counts.map(
        (c) =>
          new TableRow({
            children: [
              cell([run(c.label)], 25),
              // The bar: shaded non-breaking spaces, up to 40 wide, so it stays editable text.
              cell(
                [new TextRun({ text: "\u00a0".repeat(Math.max(1, Math.round((c.count / max) * 40))), shading: { type: ShadingType.CLEAR, color: "auto", fill: c.count ? fill(c.color) : "FFFFFF" } })],
                60,
              ),
              cell([run(String(c.count))], 15, AlignmentType.RIGHT),
            ],
          }),
      ),
    ],
  });
}

export async function exportDocx(bundle: ReportBundle): Promise<Uint8Array> {
  const { article, organization } = bundle;
  const summary = summarizeVerdicts(bundle);
  const children: Array<Paragraph | Table> = [];
  children.push(para([run(`FACT-CHECK REPORT · ${organization.name.toUpperCase()}`, { bold: true, color: "4B5563", size: 17 })]));
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(article.title)], bidirectional: rtl(article.title) || undefined }));
  if (bundle.scope === "all") {
    children.push(
      new Paragraph({
        children: [run(INTERNAL_NOTICE, { bold: true, color: "7F1D1D" })],
        shading: { type: ShadingType.CLEAR, color: "auto", fill: "FEF2F2" },
        border: {
          top: { style: BorderStyle.SINGLE, size: 12, color: "B91C1C", space: 4 },
          bottom: { style: BorderStyle.SINGLE, size: 12, color: "B91C1C", space: 4 },
          left: { style: BorderStyle.SINGLE, size: 12, color: "B91C1C", space: 4 },
          right: { style: BorderStyle.SINGLE, size: 12, color: "B91C1C", space: 4 },
        },
        spacing: { after: 200 },
      }),
    );
  }
  const meta: Array<[string, string, string | null]> = [];
  if (article.byline) meta.push(["Byline", oneLine(article.byline), null]);
  if (article.siteName) meta.push(["Published by", article.siteName, null]);
  const source = httpUrl(article.sourceUrl);
  if (source) meta.push(["Original story", source, source]);
  if (article.publishedAt) meta.push(["Story date", humanDate(article.publishedAt), null]);
  if (article.firstPublishedAt) meta.push(["Fact-check published", humanDate(article.firstPublishedAt), null]);
  if (article.lastPublishedAt && article.lastPublishedAt !== article.firstPublishedAt) meta.push(["Updated", humanDate(article.lastPublishedAt), null]);
  meta.push(["Reader page", article.readerUrl, article.readerUrl]);
  meta.push(["Scope", scopeLabel(bundle), null]);
  meta.push(["Report generated", humanDate(bundle.generatedAt), null]);
  for (const [label, value, url] of meta) children.push(para([run(`${label}: `, { bold: true }), url ? link(value, url) : run(value)], { spacingAfter: 40 }));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run("Summary")] }));
  children.push(para([run(summary.total ? `${summary.sentence}.` : NO_CLAIMS_MESSAGE)]));
  if (summary.total) {
    children.push(summaryTable(bundle));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run("Claims")] }));
    bundle.claims.forEach((claim, i) => children.push(...claimBlock(bundle, claim, i)));
  }
  if (bundle.corrections.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run("Corrections")] }));
    for (const c of bundle.corrections) {
      children.push(para([run(`${humanDate(c.createdAt)} (update ${c.number}): `, { bold: true }), run(c.reason)]));
      for (const change of c.changes) children.push(new Paragraph({ children: [run(change)], bullet: { level: 0 } }));
    }
  }

  const document = new Document({
    creator: organization.name,
    title: `${article.title}: fact-check report${bundle.scope === "all" ? " (internal)" : ""}`,
    description: `Fact-check report: ${scopeLabel(bundle)}`,
    styles: { default: { document: { run: { font: "DejaVu Sans", size: 20 } } } },
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${bundle.scope === "all" ? "INTERNAL · " : ""}Page `, size: 16, color: "4B5563" }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "4B5563" }),
                  new TextRun({ text: " of ", size: 16, color: "4B5563" }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: "4B5563" }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
