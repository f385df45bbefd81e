import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { AppError } from "@/lib/errors";
import { checkDocxZip } from "./docx-zip";
import { importFile } from "./import-file";
import { importHtml } from "./import-html";
import { importMarkdown } from "./import-markdown";
import { limitMarkdownNesting, MAX_MARKDOWN_NESTING } from "./input-guards";
import { limitHtmlStructure, MAX_HTML_DEPTH } from "./limit-html-structure";

// Regression tests for the denial-of-service holes: tiny inputs whose parsing cost grows with
// the square of their nesting (HTML, Markdown) and zip bombs posing as .docx files.

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an AppError");
}

const nested = (depth: number, tag = "div", inner = "<p>deep text</p>") => `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth);

describe("limitHtmlStructure", () => {
  it("returns ordinary HTML unchanged and counts its elements and depth", () => {
    const html = "<div><p>One<p>Two<ul><li>a<li>b</ul></div><svg><path/><path/></svg><img src=x><br>";
    const r = limitHtmlStructure(html);
    expect(r.html).toBe(html);
    expect(r.flattened).toBe(0);
    // <p>One is closed by the next <p> (htmlparser2's rules), <li> by the next <li>, <path/> closes itself in SVG.
    expect(r.depth).toBe(3);
    expect(r.elements).toBe(11);
  });

  it("counts `<div/>` as an open element outside SVG, as the parsers do", () => {
    expect(limitHtmlStructure("<div/>".repeat(50)).depth).toBe(50);
  });

  it("flattens tags nested deeper than the cap and keeps their text", () => {
    const r = limitHtmlStructure(nested(3000, "div", "<p>deep <b>text</b></p>"));
    expect(r.depth).toBe(3002);
    expect(r.flattened).toBeGreaterThan(2900);
    expect(limitHtmlStructure(r.html).depth).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    expect(r.html).toContain("deep text");
    expect(limitHtmlStructure("<div><div><span>a</span>b</div></div>", { maxDepth: 1 }).html).toBe("<div>ab</div>");
  });

  it("refuses more elements than the cap with a message that says what to do", () => {
    const e = appError(() => limitHtmlStructure("<i>x</i>".repeat(101), { maxElements: 100 }));
    expect(e.code).toBe("UNPROCESSABLE");
    expect(e.message).toMatch(/more than 100 elements.*paste the article's text/);
  });
});

describe("importHtml with hostile nesting", () => {
  it("imports 3,000 nested elements (once minutes of work) by flattening them", () => {
    const page = `<html><body><article>${nested(3000, "div", "<p>" + "Lorem ipsum dolor sit amet. ".repeat(20) + "</p>")}</article></body></html>`;
    const r = importHtml(page, { mode: "page" });
    expect(canonicalText(r.document)).toContain("Lorem ipsum dolor sit amet.");
  });

  it("refuses 100,000 elements instead of parsing them", () => {
    expect(appError(() => importHtml(nested(100_000, "span"))).code).toBe("UNPROCESSABLE");
  });
});

describe("Markdown nesting", () => {
  it("leaves ordinary Markdown alone", () => {
    const md = "- a\n  - b\n> quote\n1. one\n    code\n***\n**bold** _em_\n";
    expect(limitMarkdownNesting(md)).toBe(md);
  });

  it("caps quote and list nesting and long delimiter runs", () => {
    const quotes = limitMarkdownNesting(">".repeat(50_000) + " text");
    expect(quotes).toBe(">".repeat(MAX_MARKDOWN_NESTING) + " text");
    expect(limitMarkdownNesting("*".repeat(1000) + "x")).toBe("*".repeat(32) + "x");
    const list = limitMarkdownNesting(" ".repeat(5000) + "- item");
    expect(list.length).toBeLessThan(100);
  });

  it("imports deeply nested Markdown that used to overflow the converter's stack", () => {
    const r = importMarkdown(">".repeat(20_000) + " A quoted sentence of the article.\n\n" + "*".repeat(100_000) + "x" + "*".repeat(100_000));
    expect(canonicalText(r.document)).toContain("A quoted sentence of the article.");
  });
});

async function realDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: "The council voted on Tuesday to approve the budget." })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A real .docx whose document.xml is padded to `bytes` of XML (compresses ~1000:1). */
async function docxBomb(bytes: number): Promise<Uint8Array> {
  const files = unzipSync(await realDocx());
  const xml = new TextDecoder().decode(files["word/document.xml"]);
  const padding = "<!--" + " ".repeat(bytes) + "-->";
  files["word/document.xml"] = strToU8(xml.replace("<w:body>", `<w:body>${padding}`));
  return zipSync(files, { level: 9 });
}

describe(".docx archives", () => {
  it("accepts a real document and reports what it unpacks to", async () => {
    const summary = checkDocxZip(await realDocx());
    expect(summary.entries).toBeGreaterThan(3);
    expect(summary.unpackedBytes).toBeGreaterThan(1000);
  });

  it("refuses a zip bomb before mammoth inflates it", async () => {
    const bomb = await docxBomb(60 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const e = appError(() => checkDocxZip(bomb));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(e.message).toMatch(/unpacks to more than 50 MB.*paste its text/);
    const viaImport = await importFile({ filename: "bomb.docx", data: bomb }).catch((err: unknown) => err);
    expect((viaImport as AppError).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("counts inflated bytes, not the sizes the archive declares", async () => {
    const bomb = await docxBomb(2 * 1024 * 1024);
    // Declare every entry as 1 byte uncompressed, in the central directory and local headers.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at < bomb.byteLength - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x02014b50) view.setUint32(at + 24, 1, true);
      if (sig === 0x04034b50) view.setUint32(at + 22, 1, true);
    }
    expect(appError(() => checkDocxZip(bomb, { maxUnpackedBytes: 1024 * 1024 })).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses damaged and encrypted archives with a message", () => {
    const notZip = strToU8("PK\u0003\u0004 but nothing else of a zip");
    expect(appError(() => checkDocxZip(notZip)).message).toMatch(/not a readable Word document.*Save As/);
    const zip = zipSync({ "word/document.xml": strToU8("<x/>") });
    zip[zip.length - 22 + 16] ^= 0xff; // central directory offset
    expect(appError(() => checkDocxZip(zip)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
