import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { AppError } from "@/lib/errors";
import { importFile } from "./import-file";

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Council Approves New Budget", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("The council voted "), new TextRun({ text: "7 to 2", bold: true }), new TextRun(" on Tuesday.")] }),
          new Paragraph({ text: "Spending rises by 4 percent.", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: "Critics were unconvinced.", italics: true })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("importFile", () => {
  it("imports a .docx through mammoth, keeping headings and emphasis", async () => {
    const r = await importFile({ filename: "story.docx", data: await buildDocx() });
    expect(r.importKind).toBe("docx");
    expect(r.metadata.title).toBe("Council Approves New Budget");
    expect(canonicalText(r.document)).toBe("The council voted 7 to 2 on Tuesday.\n\nSpending rises by 4 percent.\n\nCritics were unconvinced.");
    expect(r.document.content[1]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(JSON.stringify(r.document.content[0])).toContain('{"type":"text","text":"7 to 2","marks":[{"type":"bold"}]}');
    expect(JSON.stringify(r.document.content[2])).toContain('"marks":[{"type":"italic"}]');
  });

  it("refuses a .docx that is not a zip", async () => {
    await expectAppError(importFile({ filename: "story.docx", data: strToU8("just some text, not a zip") }), "UNSUPPORTED_MEDIA_TYPE", /not a \.docx.*Upload/);
  });

  it("refuses a zip that is not a Word document", async () => {
    const zip = zipSync({ "hello.txt": strToU8("hello") });
    await expectAppError(importFile({ filename: "story.docx", data: zip }), "UNSUPPORTED_MEDIA_TYPE", /not a readable Word document/);
  });

  it("explains old .doc files", async () => {
    await expectAppError(importFile({ filename: "old.doc", data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }), "UNSUPPORTED_MEDIA_TYPE", /Save As.*\.docx/);
  });

  it("refuses unknown file types, naming the accepted ones", async () => {
    await expectAppError(importFile({ filename: "photo.png", data: new Uint8Array([1, 2, 3]) }), "UNSUPPORTED_MEDIA_TYPE", /\.png.*\.txt, \.md, \.html or \.docx/);
  });

  const story = "Die Ministerin äußerte sich am Dienstag zur Lage. « Nous verrons », a-t-il dit, café compris.";
  const title = "Grüße aus Köln";

  it("reads a Latin-1 file that is not UTF-8 as Windows-1252, whatever it declares", async () => {
    const latin1 = new Uint8Array(Buffer.from(`${title}\n\n${story}`, "latin1"));
    for (const contentType of [null, "text/plain; charset=utf-8"]) {
      const r = await importFile({ filename: "story.txt", data: latin1, contentType });
      expect(r.metadata.title).toBe(title);
      expect(canonicalText(r.document)).toBe(story);
    }
  });

  it("reads UTF-8 that declares Latin-1 as UTF-8 (in the content type or the page's meta tag)", async () => {
    const html = `<html><head><meta charset="iso-8859-1"><title>${title}</title></head><body><article><h1>${title}</h1><p>${story} ${story} ${story}</p></article></body></html>`;
    const utf8 = new Uint8Array(Buffer.from(html, "utf8"));
    const r = await importFile({ filename: "story.html", data: utf8 });
    expect(canonicalText(r.document)).toContain("äußerte sich");
    const t = await importFile({ filename: "story.txt", data: new Uint8Array(Buffer.from(story, "utf8")), contentType: "text/plain; charset=iso-8859-1" });
    expect(canonicalText(t.document)).toBe(story);
  });

  it("reads a declared single-byte encoding, and UTF-16 with its byte-order mark", async () => {
    const russian = "Москва заявила во вторник, что переговоры продолжатся. ".repeat(6).trim();
    // Windows-1251 puts А…я at 0xC0…0xFF; ASCII stays as it is.
    const cp1251 = (text: string) => new Uint8Array([...text].map((ch) => (ch >= "А" && ch <= "я" ? 0xc0 + ch.charCodeAt(0) - 0x410 : ch.charCodeAt(0))));
    const page = cp1251(`<html><head><meta charset="windows-1251"><title>Переговоры</title></head><body><article><p>${russian}</p></article></body></html>`);
    expect(canonicalText((await importFile({ filename: "story.html", data: page })).document)).toBe(russian);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(story, "utf16le")]);
    expect(canonicalText((await importFile({ filename: "story.txt", data: utf16 })).document)).toBe(story);
  });

  it("refuses binary junk named .txt", async () => {
    const junk = new Uint8Array(2048).map((_, i) => (i * 31) % 9);
    await expectAppError(importFile({ filename: "story.txt", data: junk }), "UNPROCESSABLE", /binary/);
  });

  it("refuses empty and oversized files, stating the limit", async () => {
    await expectAppError(importFile({ filename: "story.txt", data: new Uint8Array() }), "VALIDATION_ERROR", /empty/);
    await expectAppError(
      importFile({ filename: "story.md", data: new Uint8Array(3 * 1024 * 1024).fill(65) }, { maxBytes: 2 * 1024 * 1024 }),
      "PAYLOAD_TOO_LARGE",
      /3 MB; the import limit is 2 MB/,
    );
  });

  it("routes .md, .html and .txt by extension and strips a UTF-8 BOM", async () => {
    const md = await importFile({ filename: "a.md", data: strToU8("# Title Here\n\nBody *text*.") });
    expect(md.importKind).toBe("markdown");
    const html = await importFile({ filename: "a.html", data: strToU8("<h1>Head Line Here</h1><p>Body text.</p>") });
    expect(html.importKind).toBe("html");
    expect(canonicalText(html.document)).toBe("Body text.");
    const txt = await importFile({ filename: "a.txt", data: new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("Just one sentence here.")]) });
    expect(canonicalText(txt.document)).toBe("Just one sentence here.");
  });
});
