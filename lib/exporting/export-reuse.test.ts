import { strFromU8, unzipSync } from "fflate";
import { JSDOM } from "jsdom";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { exportPdf } from "./pdf";
import { batchPageContent } from "./pdfkit-reuse";
import { sampleBundle, unicodeBundle } from "./test-fixtures";

// The speed-ups keep the output: the PDF reuses fonts and shaped words between documents, and
// the DOCX body is written as XML strings, so both are checked against what they must produce.

function pdfBytes(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, bufferPages: true, info: { CreationDate: new Date("2022-01-03T00:00:00Z") } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.on("data", (c: Buffer) => chunks.push(c));
  draw(doc);
  doc.end();
  return done;
}

describe("PDF speed-ups", () => {
  it("a report exported after another one is byte for byte the one exported first", async () => {
    const first = Buffer.from(await exportPdf(sampleBundle("all")));
    await exportPdf(unicodeBundle()); // other words, Arabic shaping, more pages
    const again = Buffer.from(await exportPdf(sampleBundle("all")));
    expect(again.equals(first)).toBe(true);
  });

  it("operators gathered per page land on the page they were drawn on, in order", async () => {
    const draw = (doc: InstanceType<typeof PDFDocument>) => {
      doc.text("first page text");
      doc.addPage().text("second page text");
      doc.switchToPage(0);
      doc.text("back on page one");
    };
    const plain = await pdfBytes((doc) => draw(doc));
    const batched = await pdfBytes((doc) => {
      const content = batchPageContent(doc);
      draw(doc);
      content.flush();
    });
    // Same streams, except that pdfkit ended each operator with its own newline.
    const streams = (pdf: Buffer) =>
      [...pdf.toString("latin1").matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => m[1].replace(/\n+/g, "\n").trim());
    expect(streams(batched)).toEqual(streams(plain));
  });
});

describe("DOCX body XML", () => {
  it("escapes markup characters, drops control characters and stays well-formed", async () => {
    const bundle = sampleBundle("all");
    bundle.claims[0] = { ...bundle.claims[0], statement: `Tom & Jerry said "<b>5 > 3</b>" and 'no'\u0007 — OK`, claimant: "A <script> tag" };
    const files = unzipSync(await exportDocx(bundle));
    const xml = strFromU8(files["word/document.xml"]);
    // jsdom's XML parser is strict: it throws on a malformed document or a disallowed character.
    const parsed = new JSDOM(xml, { contentType: "application/xml" }).window.document;
    const text = Array.from(parsed.getElementsByTagName("w:t"))
      .map((t) => t.textContent ?? "")
      .join("");
    expect(text).toContain(`1. Tom & Jerry said "<b>5 > 3</b>" and 'no' — OK`);
    expect(text).toContain("A <script> tag");
    expect(xml).not.toContain("<script>");
    for (const name of ["word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml"]) {
      expect(() => new JSDOM(strFromU8(files[name]), { contentType: "application/xml" })).not.toThrow();
    }
  });

  it("every hyperlink points at an external relationship, with the #fragment as the anchor", async () => {
    const bundle = sampleBundle("all");
    const files = unzipSync(await exportDocx(bundle));
    const xml = strFromU8(files["word/document.xml"]);
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"[^>]*TargetMode="External"/g)].map((m) => [m[1], m[2]]));
    const links = [...xml.matchAll(/<w:hyperlink w:history="1"(?: w:anchor="([^"]+)")? r:id="([^"]+)">/g)];
    expect(links.length).toBeGreaterThan(bundle.claims.length);
    for (const [, , id] of links) expect(targets.has(id)).toBe(true);
    const claimLink = links.find(([, anchor]) => anchor === `claim-${bundle.claims[0].id}`);
    expect(claimLink && targets.get(claimLink[2])).toBe(bundle.article.readerUrl);
  });
});
