import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { AppError } from "@/lib/errors";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { publishedClaimUrl, readerPageStatus, readerPageUrl } from "./links";
import { blockText, listMarker, parseRichText } from "./rich-text";
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

// DOCX report (Office Open XML: the docx package's package parts around a body written here):
// the same content as the PDF, editable in Word and LibreOffice. Headings use the built-in heading styles, links are real
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

// Body XML is written here as strings: the docx package's object tree for a long report
// (tens of thousands of runs) cost about a second and several hundred MB. The package still
// writes every other part (styles, numbering, footer with PAGE / NUMPAGES fields, settings,
// properties): a document with an empty body is packed by it, and the body and the hyperlink
// relationships are put into that package. The XML written matches what the package writes for
// the same paragraphs (elements in schema order).

const MUTED_HEX = "4B5563";

/** The docx package's escaping: the five XML entities, and control characters left out. */
function esc(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) =>
    c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "'" ? "&apos;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "",
  );
}

interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  underline?: boolean;
  color?: string;
  size?: number;
  /** Shading fill (hex without #). */
  shade?: string;
  style?: string;
}

function runProps(o: RunOptions, isRtl: boolean): string {
  let p = "";
  if (o.style) p += `<w:rStyle w:val="${o.style}"/>`;
  if (o.bold) p += "<w:b/><w:bCs/>";
  if (o.italics) p += "<w:i/><w:iCs/>";
  if (o.strike) p += "<w:strike/>";
  if (o.color) p += `<w:color w:val="${o.color}"/>`;
  if (o.underline) p += '<w:u w:val="single"/>';
  if (o.size) p += `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>`;
  if (o.shade) p += `<w:shd w:fill="${o.shade}" w:color="auto" w:val="clear"/>`;
  if (isRtl) p += "<w:rtl/>";
  return p ? `<w:rPr>${p}</w:rPr>` : "";
}

/** One text run; right-to-left when the text holds Hebrew or Arabic letters (unless `fixed`). */
function run(text: string, opts: RunOptions = {}, fixed = false): string {
  return `<w:r>${runProps(opts, !fixed && RTL.test(text))}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

interface ParaOptions {
  style?: string;
  keepNext?: boolean;
  bullet?: boolean;
  /** List level of a bullet (0 = top). */
  level?: number;
  /** Hanging indent (twips) after `indent`. */
  hanging?: number;
  border?: string;
  shade?: string;
  bidi?: boolean;
  spacingAfter?: number;
  indent?: number;
  align?: "left" | "right";
}

function paragraph(children: string, o: ParaOptions): string {
  let p = "";
  if (o.style) p += `<w:pStyle w:val="${o.style}"/>`;
  if (o.keepNext) p += "<w:keepNext/>";
  if (o.bullet) p += `<w:numPr><w:ilvl w:val="${Math.min(8, o.level ?? 0)}"/><w:numId w:val="1"/></w:numPr>`;
  if (o.border) p += `<w:pBdr>${o.border}</w:pBdr>`;
  if (o.shade) p += `<w:shd w:fill="${o.shade}" w:color="auto" w:val="clear"/>`;
  if (o.bidi) p += "<w:bidi/>";
  if (o.spacingAfter !== undefined) p += `<w:spacing w:after="${o.spacingAfter}"/>`;
  if (o.indent) p += `<w:ind w:left="${o.indent}"${o.hanging ? ` w:hanging="${o.hanging}"` : ""}/>`;
  if (o.align) p += `<w:jc w:val="${o.align}"/>`;
  return `<w:p>${p ? `<w:pPr>${p}</w:pPr>` : ""}${children}</w:p>`;
}

/** A plain paragraph (spacing after, optional indent), right to left when `rtlOf` reads so. */
function para(children: string, opts: { rtlOf?: string; spacingAfter?: number; indent?: number } = {}): string {
  return paragraph(children, { bidi: opts.rtlOf ? rtl(opts.rtlOf) : false, spacingAfter: opts.spacingAfter ?? 80, indent: opts.indent });
}

function bulletPara(children: string, rtlOf: string): string {
  return paragraph(children, { style: "ListParagraph", bullet: true, bidi: rtl(rtlOf) });
}

function heading(style: string, text: string, keepNext = false): string {
  return paragraph(run(text), { style, keepNext, bidi: rtl(text) });
}

/** Collects external hyperlinks as relationships of the document part. */
class Links {
  private readonly ids = new Map<string, string>();
  readonly rels: string[] = [];
  link(text: string, url: string, opts: RunOptions = {}): string {
    // As the docx package does: a #fragment goes into w:anchor, the rest is the target.
    const hash = url.indexOf("#");
    const target = hash >= 0 ? url.slice(0, hash) : url;
    const anchor = hash >= 0 ? ` w:anchor="${esc(url.slice(hash + 1))}"` : "";
    let id = this.ids.get(target);
    if (!id) {
      id = `rIdLink${this.ids.size + 1}`;
      this.ids.set(target, id);
      this.rels.push(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(target)}" TargetMode="External"/>`);
    }
    return `<w:hyperlink w:history="1"${anchor} r:id="${id}">${run(text, { ...opts, style: "Hyperlink" }, true)}</w:hyperlink>`;
  }
}

/** A corrections-log line: removed words struck through, added words underlined. */
function changeRuns(change: string): string {
  return parseMarkedDiff(change)
    .map((p) => run(p.text, p.kind === "removed" ? { strike: true, color: "B91C1C" } : p.kind === "added" ? { underline: true, color: "166534" } : {}))
    .join("");
}

/** Rationale HTML as Word paragraphs: bold and italic runs, hyperlinks, line breaks, bullet and numbered items. */
function richParagraphs(html: string, links: Links): string {
  return parseRichText(html)
    .map((block) => {
      const runs = block.runs
        .map((r) =>
          r.text
            .split("\n")
            .map((piece) => (piece ? (r.href ? links.link(piece, r.href, { bold: r.bold, italics: r.italic }) : run(piece, { bold: r.bold, italics: r.italic })) : ""))
            .join("<w:r><w:br/></w:r>"),
        )
        .join("");
      const text = blockText(block);
      if (block.list === "ul") return paragraph(runs, { style: "ListParagraph", bullet: true, level: block.depth, bidi: rtl(text) });
      // Numbered items carry their number as text (a Word numbering definition per list is not worth it here).
      if (block.list === "ol") return paragraph(run(listMarker(block)) + runs, { style: "ListParagraph", bidi: rtl(text), indent: 720 * (block.depth + 1), hanging: 360 });
      return para(runs, { rtlOf: text });
    })
    .join("");
}

function claimBlock(out: string[], links: Links, bundle: ReportBundle, claim: ReportClaim, index: number): void {
  const q = quoteInContext(claim);
  out.push(heading("Heading3", `${index + 1}. ${oneLine(claim.statement)}`, true));
  out.push(
    para(
      run(` ${verdictLabel(claim)} `, { bold: true, shade: fill(claim.verdict?.color) }, true) +
        (bundle.scope === "all" ? run(`   Status: ${statusLabel(claim.status)}`, { color: MUTED_HEX }) : ""),
    ),
  );
  out.push(
    para(run(q.before, { italics: true, color: MUTED_HEX }) + run(q.exact, { bold: true }) + run(q.after, { italics: true, color: MUTED_HEX }), {
      rtlOf: q.exact,
      indent: 360,
    }),
  );
  if (claim.claimant) out.push(para(run("Claimant: ", { bold: true }) + run(oneLine(claim.claimant))));
  out.push(para(run("Rationale", { bold: true }), { spacingAfter: 40 }));
  const rationale = richParagraphs(claim.rationale, links);
  out.push(rationale || para(run("No rationale written yet.", { italics: true, color: MUTED_HEX })));
  if (claim.sources.length) {
    out.push(para(run("Sources", { bold: true }), { spacingAfter: 40 }));
    for (const s of claim.sources) {
      const url = httpUrl(s.url);
      const archive = httpUrl(s.archiveUrl);
      let children = (url ? links.link(sourceLabel(s), url) : run(sourceLabel(s))) + run(` (${sourceDetail(s, bundle.organization.locale)})`, { color: MUTED_HEX });
      if (url && url !== sourceLabel(s)) children += run(` ${url}`, { color: MUTED_HEX, size: 18 });
      if (archive) children += run(" · ") + links.link("archived copy", archive);
      out.push(bulletPara(children, sourceLabel(s)));
      if (s.excerpt) out.push(para(run(`“${oneLine(s.excerpt)}”`, { italics: true, size: 18 }), { indent: 720 }));
    }
  }
  out.push(para(run(claimByline(claim, bundle.organization.locale), { italics: true, color: MUTED_HEX, size: 17 }), { spacingAfter: 20 }));
  const address = publishedClaimUrl(bundle, claim);
  out.push(paragraph(address ? links.link(address, address) : run("Not on the reader page (not published)", { color: MUTED_HEX, size: 17 }), { border: '<w:bottom w:val="single" w:color="D1D5DB" w:sz="4" w:space="6"/>', spacingAfter: 240 }));
}

// Table geometry as the docx package writes it for widths of 25 %, 60 % and 15 %.
const TABLE_START =
  '<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top w:val="single" w:color="auto" w:sz="4"/><w:left w:val="single" w:color="auto" w:sz="4"/><w:bottom w:val="single" w:color="auto" w:sz="4"/><w:right w:val="single" w:color="auto" w:sz="4"/><w:insideH w:val="single" w:color="auto" w:sz="4"/><w:insideV w:val="single" w:color="auto" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2257"/><w:gridCol w:w="5416"/><w:gridCol w:w="1354"/></w:tblGrid>';

function summaryTable(bundle: ReportBundle): string {
  const summary = summarizeVerdicts(bundle);
  const max = Math.max(1, ...summary.counts.map((c) => c.count));
  const cell = (children: string, pct: number, align: "left" | "right" = "left") =>
    `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${pct * 50}"/></w:tcPr>${paragraph(children, { align })}</w:tc>`;
  const rows = [
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell(run("Verdict", { bold: true }), 25)}${cell(run("Chart", { bold: true }), 60)}${cell(run("Claims", { bold: true }), 15, "right")}</w:tr>`,
    ...summary.counts.map(
      (c) =>
        `<w:tr>${cell(run(c.label), 25)}${
          // The bar: shaded non-breaking spaces, up to 40 wide, so it stays editable text.
          cell(run("\u00a0".repeat(Math.max(1, Math.round((c.count / max) * 40))), { shade: c.count ? fill(c.color) : "FFFFFF" }, true), 60)
        }${cell(run(String(c.count)), 15, "right")}</w:tr>`,
    ),
  ];
  return `${TABLE_START}${rows.join("")}</w:tbl>`;
}

export async function exportDocx(bundle: ReportBundle): Promise<Uint8Array> {
  const { article, organization } = bundle;
  const summary = summarizeVerdicts(bundle);
  const links = new Links();
  const body: string[] = [];
  body.push(para(run(`FACT-CHECK REPORT · ${organization.name.toUpperCase()}`, { bold: true, color: MUTED_HEX, size: 17 })));
  body.push(heading("Title", article.title));
  if (bundle.scope === "all") {
    const side = (name: string) => `<w:${name} w:val="single" w:color="B91C1C" w:sz="12" w:space="4"/>`;
    body.push(
      paragraph(run(INTERNAL_NOTICE, { bold: true, color: "7F1D1D" }), {
        border: side("top") + side("left") + side("bottom") + side("right"),
        shade: "FEF2F2",
        spacingAfter: 200,
      }),
    );
  }
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
  for (const [label, value, url] of meta) body.push(para(run(`${label}: `, { bold: true }) + (url ? links.link(value, url) : run(value)), { spacingAfter: 40 }));

  body.push(heading("Heading1", "Summary"));
  body.push(para(run(summary.total ? `${summary.sentence}.` : NO_CLAIMS_MESSAGE)));
  if (summary.total) {
    body.push(summaryTable(bundle));
    body.push(heading("Heading1", "Claims"));
    bundle.claims.forEach((claim, i) => claimBlock(body, links, bundle, claim, i));
  }
  if (bundle.corrections.length) {
    body.push(heading("Heading1", "Corrections"));
    for (const c of bundle.corrections) {
      body.push(para(run(`${humanDate(c.createdAt, bundle.organization.locale)} (update ${c.number}): `, { bold: true }) + run(c.reason)));
      for (const change of c.changes) body.push(paragraph(changeRuns(change), { style: "ListParagraph", bullet: true }));
    }
  }
  return packWithBody(bundle, body.join(""), links.rels.join(""));
}

/** The package the docx library writes for an empty body, with `body` and `rels` put in. */
async function packWithBody(bundle: ReportBundle, body: string, rels: string): Promise<Uint8Array> {
  const { article, organization } = bundle;
  const muted = { size: 16, color: MUTED_HEX };
  const shell = new Document({
    creator: organization.name,
    title: `${article.title}: fact-check report${bundle.scope === "all" ? " (internal)" : ""}`,
    description: `Fact-check report: ${scopeLabel(bundle)}`,
    styles: { default: { document: { run: { font: "DejaVu Sans", size: 20 } } } },
    // The package writes its bullet list definition (numId 1, used by bulleted paragraphs)
    // and the ListParagraph style even for an empty body.
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${bundle.scope === "all" ? "INTERNAL · " : ""}Page `, ...muted }),
                  new TextRun({ children: [PageNumber.CURRENT], ...muted }),
                  new TextRun({ text: " of ", ...muted }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], ...muted }),
                ],
              }),
            ],
          }),
        },
        children: [],
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(shell)));
  const documentXml = strFromU8(files["word/document.xml"]);
  const bodyStart = documentXml.indexOf("<w:body>") + "<w:body>".length;
  const sectionStart = documentXml.lastIndexOf("<w:sectPr");
  const relsXml = strFromU8(files["word/_rels/document.xml.rels"]);
  const relsEnd = relsXml.lastIndexOf("</Relationships>");
  if (bodyStart < "<w:body>".length || sectionStart < bodyStart || relsEnd < 0) {
    throw new AppError("INTERNAL", "The DOCX template from the docx package has an unexpected shape; check the installed docx version.");
  }
  files["word/document.xml"] = strToU8(documentXml.slice(0, bodyStart) + body + documentXml.slice(sectionStart));
  files["word/_rels/document.xml.rels"] = strToU8(relsXml.slice(0, relsEnd) + rels + relsXml.slice(relsEnd));
  return zipSync(files, { level: 6 });
}
