import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportPdf, isRtlText, visualWordOrder } from "./pdf";
import { ACCENTED, ARABIC, CRIMEA, CYRILLIC, emptyBundle, sampleBundle, unicodeBundle } from "./test-fixtures";
import { INTERNAL_NOTICE, NO_CLAIMS_MESSAGE, revisionLabel } from "./text";

// PDF content is checked through pdftotext (poppler-utils), the way a reader's tools see it.

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const havePdftotext = hasTool("pdftotext");
const dir = mkdtempSync(path.join(tmpdir(), "factmark-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writePdf(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** Extracted text with whitespace collapsed and bidi control characters removed. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ");
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

describe("PDF export: structure", () => {
  it("is a PDF with embedded DejaVu fonts, metadata and several pages", async () => {
    const bytes = await exportPdf(sampleBundle("all"));
    const raw = latin1(bytes);
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("orders right-to-left words for display and keeps left-to-right runs inside them", () => {
    expect(isRtlText(ARABIC)).toBe(true);
    expect(isRtlText(CYRILLIC)).toBe(false);
    expect(isRtlText("2014 ضمت")).toBe(true);
    expect(visualWordOrder(["a", "b", "ج", "د", "c"], false)).toEqual(["a", "b", "د", "ج", "c"]);
    expect(visualWordOrder(["ج", "د", "NATO", "OTAN", "ه"], true)).toEqual(["ه", "NATO", "OTAN", "د", "ج"]);
  });
});

// Skipped only outside CI: npm test installs poppler-utils, so in CI a missing pdftotext fails.
describe.skipIf(!havePdftotext && !process.env.CI)(
  havePdftotext ? "PDF export: extracted text" : "PDF export: extracted text SKIPPED (install poppler-utils for pdftotext)",
  () => {
    it("carries the title block, summary, every claim with quote, verdict, claimant, rationale, sources and page numbers", async () => {
      const bundle = sampleBundle("all");
      const text = pdfText(writePdf("sample", await exportPdf(bundle)));
      expect(text).toContain("FACT-CHECK REPORT · TEST CHECKERS");
      expect(text).toContain("Biden, Putin Talk");
      expect(text).toContain(INTERNAL_NOTICE.slice(0, 40));
      expect(text).toContain("5 claims checked: 2 True, 1 Mostly false, 1 Misleading, 1 Not rated.");
      expect(text).toContain(`Article text: ${revisionLabel(bundle)}`);
      for (const claim of bundle.claims) {
        expect(text).toContain(claim.statement);
        expect(text).toContain(claim.claimant!);
      }
      expect(text).toContain(CRIMEA);
      expect(text).toContain("Russia annexed Crimea in March 2014 after a referendum held under military occupation.");
      expect(text).toContain("UN General Assembly resolution 68/262 (Supports · United Nations");
      expect(text).toContain("Satellite images show Russian build-up near Ukraine (Refutes · Reuters");
      expect(text).toContain("Status: Draft");
      expect(text).toContain("Checked by Eddie Editor; reviewed by Ada Admin on 30 Dec 2021");
      expect(text).toContain("A source link pointed to the wrong UN record.");
      const info = execFileSync("pdfinfo", [path.join(dir, "sample.pdf")], { encoding: "utf8" });
      expect(info).toMatch(/Creator:\s+Factmark/);
      expect(info).toMatch(/Author:\s+Test Checkers/);
      const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`Page ${pages} of ${pages}`);
    });

    it("a published report is not marked internal and leaves out drafts", async () => {
      const text = pdfText(writePdf("published", await exportPdf(sampleBundle("published"))));
      expect(text).not.toContain("INTERNAL");
      expect(text).not.toContain("The draft treaty was published in English and Russian.");
      expect(text).toContain("4 claims checked");
    });

    it("says so when the article has no claims", async () => {
      const text = pdfText(writePdf("empty", await exportPdf(emptyBundle())));
      expect(text).toContain(NO_CLAIMS_MESSAGE);
      expect(text).toContain("Page 1 of 1");
    });

    it("keeps Cyrillic, accents, Arabic (right to left), a very long rationale and 40 sources extractable", async () => {
      const bundle = unicodeBundle();
      const text = pdfText(writePdf("unicode", await exportPdf(bundle)));
      expect(text).toContain(CYRILLIC);
      expect(text).toContain("Le président a déclaré à Genève : « Ça suffit »");
      expect(text).toContain("Élodie Müller-Łukasiewicz");
      // Every Arabic word comes back, in reading order.
      const arabicWords = ARABIC.split(" ").filter((w) => !/\d/.test(w));
      expect(text).toContain(arabicWords.join(" "));
      expect(text).toContain("Paragraph 60 of the rationale");
      // Long URLs may wrap after "https://" (even across a page footer): compare without whitespace.
      const compact = text.replace(/\s+/g, "");
      for (let i = 0; i < 40; i++) expect(compact).toContain(`sources.example/doc-${100 + i}`);
      expect(text).toContain(ACCENTED.split(" — ")[1].split(",")[0]);
    });
  },
);
