import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportDocx } from "./docx";
import { ARABIC, CRIMEA, CYRILLIC, emptyBundle, sampleBundle, unicodeBundle } from "./test-fixtures";
import { INTERNAL_NOTICE, NO_CLAIMS_MESSAGE, revisionLabel } from "./text";

// DOCX is a ZIP of Office Open XML parts: unzip and read word/document.xml.

async function docxParts(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]);
  // The visible text: the content of every <w:t> run, joined.
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return { files, xml, text };
}

describe("DOCX export", () => {
  it("is a valid Word package with the statements, quotes, verdicts, sources as hyperlinks and page numbers", async () => {
    const bundle = sampleBundle("all");
    const { files, xml, text } = await docxParts(await exportDocx(bundle));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "docProps/core.xml"]));
    expect(text).toContain(bundle.article.title);
    expect(text).toContain(INTERNAL_NOTICE);
    expect(text).toContain("5 claims checked: 2 True, 1 Mostly false, 1 Misleading, 1 Not rated.");
    // The text revision the quotes refer to.
    expect(text).toContain(`Article text: ${revisionLabel(bundle)}`);
    for (const claim of bundle.claims) {
      expect(text).toContain(claim.statement);
      expect(text).toContain(claim.exact);
    }
    expect(text).toContain(CRIMEA);
    expect(text).toContain("Russia annexed Crimea in March 2014");
    expect(text).toContain("UN General Assembly resolution 68/262");
    expect(text).toContain("(Supports · United Nations");
    expect(text).toContain("Status: Draft");
    expect(text).toContain("A source link pointed to the wrong UN record.");
    // Hyperlinks are relationships of the document part.
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    expect(rels).toContain('Target="https://digitallibrary.un.org/record/767565"');
    expect(rels).toContain("TargetMode=\"External\"");
    expect(xml).toContain("<w:hyperlink");
    // Footer with PAGE / NUMPAGES fields.
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(footer).toBeDefined();
    expect(strFromU8(footer![1])).toMatch(/PAGE/);
    expect(strFromU8(footer![1])).toMatch(/NUMPAGES/);
    // The verdict chart: shaded bars in the verdicts' colours.
    expect(xml).toContain('w:fill="bbf7d0"');
    // Title in the package properties.
    expect(strFromU8(files["docProps/core.xml"])).toContain("fact-check report (internal)");
  });

  it("a published report is not internal and has no drafts", async () => {
    const { text } = await docxParts(await exportDocx(sampleBundle("published")));
    expect(text).not.toContain("INTERNAL");
    expect(text).not.toContain("The draft treaty was published in English and Russian.");
  });

  it("says so when the article has no claims", async () => {
    const { text } = await docxParts(await exportDocx(emptyBundle()));
    expect(text).toContain(NO_CLAIMS_MESSAGE);
  });

  it("keeps Unicode, marks right-to-left paragraphs as bidirectional, and holds a long rationale and 40 sources", async () => {
    const { xml, text } = await docxParts(await exportDocx(unicodeBundle()));
    expect(text).toContain(CYRILLIC);
    expect(text).toContain(ARABIC);
    expect(text).toContain("Élodie Müller-Łukasiewicz");
    expect(xml).toContain("<w:bidi/>");
    expect(xml).toContain("<w:rtl/>");
    expect(text).toContain("Paragraph 60 of the rationale");
    expect(text).toContain("Источник 39");
  });
});
