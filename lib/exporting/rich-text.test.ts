import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ReportBundle } from "@/lib/schemas/report";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { exportMarkdown, mdRichText } from "./markdown";
import { exportPdf } from "./pdf";
import { parseRichText } from "./rich-text";
import { sampleBundle } from "./test-fixtures";

// Rationales are rich text: every export keeps bold, italic, links and lists; reports of an
// article that was never published link no reader page; dates follow the workspace's locale.

const RICH =
  '<p>The figure is <strong>wrong</strong> and <em>misleading</em>, see <a href="https://stats.example/table?a=1&amp;b=2" rel="noopener">the table</a>.</p>' +
  "<ul><li><p>first <strong>point</strong></p></li><li><p>second</p></li></ul><ol><li><p>one</p></li><li><p>two</p></li></ol>" +
  '<p>Line one<br>line two, <a href="javascript:alert(1)">not a link</a></p>';

function richBundle(over: Partial<ReportBundle["article"]> = {}, locale?: string): ReportBundle {
  const bundle = sampleBundle("all");
  return {
    ...bundle,
    article: { ...bundle.article, ...over },
    organization: { ...bundle.organization, ...(locale ? { locale } : {}) },
    claims: bundle.claims.map((c, i) => (i === 0 ? { ...c, rationale: RICH } : c)),
  };
}

describe("parseRichText", () => {
  it("turns sanitized rationale HTML into paragraphs and list items of formatted runs", () => {
    const blocks = parseRichText(RICH);
    expect(blocks.map((b) => [b.list, b.number])).toEqual([
      [null, 0],
      ["ul", 0],
      ["ul", 0],
      ["ol", 1],
      ["ol", 2],
      [null, 0],
    ]);
    expect(blocks[0].runs).toEqual([
      { text: "The figure is ", bold: false, italic: false, href: null },
      { text: "wrong", bold: true, italic: false, href: null },
      { text: " and ", bold: false, italic: false, href: null },
      { text: "misleading", bold: false, italic: true, href: null },
      { text: ", see ", bold: false, italic: false, href: null },
      { text: "the table", bold: false, italic: false, href: "https://stats.example/table?a=1&b=2" },
      { text: ".", bold: false, italic: false, href: null },
    ]);
    // An unsafe target stays text.
    expect(blocks[5].runs).toEqual([{ text: "Line one\nline two, not a link", bold: false, italic: false, href: null }]);
    expect(parseRichText("<ul><li>a<ul><li>b</li></ul></li></ul>").map((b) => b.depth)).toEqual([0, 1]);
  });
});

describe("rich-text rationales in exports", () => {
  it("Markdown keeps bold, italic, links, bullets, numbers and line breaks", () => {
    expect(mdRichText(RICH)).toBe(
      [
        "The figure is **wrong** and *misleading*, see [the table](<https://stats.example/table?a=1&b=2>).",
        "",
        "- first **point**",
        "- second",
        "1. one",
        "2. two",
        "",
        "Line one\\",
        "line two, not a link",
      ].join("\n"),
    );
    expect(exportMarkdown(richBundle())).toContain("The figure is **wrong** and *misleading*");
  });

  it("DOCX has bold and italic runs, a hyperlink relationship, bullet numbering and line breaks", async () => {
    const files = unzipSync(await exportDocx(richBundle()));
    const xml = strFromU8(files["word/document.xml"]);
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">wrong</w:t></w:r>');
    expect(xml).toContain('<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">misleading</w:t></w:r>');
    const rel = /<Relationship Id="(rIdLink\d+)"[^>]*Target="https:\/\/stats\.example\/table\?a=1&amp;b=2"/.exec(rels);
    expect(rel).not.toBeNull();
    expect(xml).toContain(`<w:hyperlink w:history="1" r:id="${rel![1]}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">the table</w:t></w:r></w:hyperlink>`);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>.*?first <\/w:t>.*?<w:b\/>.*?point<\/w:t>/);
    expect(xml).toContain('<w:t xml:space="preserve">2. </w:t>');
    expect(xml).toContain("<w:r><w:br/></w:r>");
    expect(rels).not.toContain("javascript:");
  });

  it("PDF draws bold and italic faces and makes the link a link annotation", async () => {
    const raw = Buffer.from(await exportPdf(richBundle())).toString("latin1");
    expect(raw).toContain("/Subtype /Link");
    expect(raw).toMatch(/\/S \/URI\s*\/URI \(https:\/\/stats\.example\/table\?a=1&b=2\)/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Oblique\b/);
    expect(raw).not.toContain("javascript:");
  });
});

describe("reader links and dates in exports", () => {
  const neverPublished = { status: "DRAFT" as const, firstPublishedAt: null, lastPublishedAt: null };

  it("a never-published article links no reader page in any report", async () => {
    const bundle = richBundle(neverPublished);
    const md = exportMarkdown(bundle);
    expect(md).not.toContain("/r/biden-putin-talk");
    expect(md).toContain("- **Reader page:** Not published");
    expect(md).toContain("- **Link:** not on the reader page (not published)");
    expect(exportHtml(bundle)).not.toContain("/r/biden-putin-talk");
    const files = unzipSync(await exportDocx(bundle));
    expect(strFromU8(files["word/document.xml"])).toContain("Not published");
    expect(strFromU8(files["word/_rels/document.xml.rels"])).not.toContain("/r/biden-putin-talk");
    expect(Buffer.from(await exportPdf(bundle)).toString("latin1")).not.toContain("/r/biden-putin-talk");
  });

  it("a published article links its page and only its published claims", () => {
    const md = exportMarkdown(richBundle());
    expect(md).toContain("- **Reader page:** <https://factmark.example/r/biden-putin-talk>");
    expect(md).toContain("<https://factmark.example/r/biden-putin-talk#claim-c-crimea>");
    expect(md).not.toContain("#claim-c-treaty");
  });

  it("writes dates in the workspace's locale", () => {
    expect(exportMarkdown(richBundle())).toContain("- **Story date:** 30 Dec 2021");
    const us = exportMarkdown(richBundle({}, "en-US"));
    expect(us).toContain("- **Story date:** Dec 30, 2021");
    expect(us).toContain("reviewed by Ada Admin on Dec 30, 2021");
    expect(exportHtml(richBundle({}, "de-DE"))).toContain("<dd>30.12.2021</dd>");
  });
});
