import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { AppError } from "@/lib/errors";
import { importText, splitParagraphs } from "./import-text";

const FIXTURE = path.resolve(__dirname, "../../../shared/fixtures/articles/biden-putin-scraped.txt");
const sample = readFileSync(FIXTURE, "utf8");

// The lines of the fixture that are not the story (listed by hand from the file).
const BOILERPLATE_LINES = new Set([
  "- Advertisement -",
  "Stay on top - Get the daily news in your inbox",
  "DMCA / Correction Notice",
  "Recent Articles",
  "Related Stories",
  "Write Michael R. Gordon at [email protected]",
]);
const TITLE = "Biden, Putin Talk as Russian Leader Seeks to Redraw European Security Arrangements";

/** Sentences: split after . ! ? (and closing quotes), keeping only pieces with letters. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’]?)\s+/)
    .map((s) => s.replace(/\s+/g, " ").trim().replace(/^[,;:]\s*/, ""))
    .filter((s) => /\p{L}/u.test(s));
}

function expectAppError(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect((e as AppError).message).toMatch(message);
    return;
  }
  throw new Error("expected an AppError");
}

describe("importText on the scraped sample", () => {
  const result = importText(sample);
  const text = canonicalText(result.document);

  it("recognises the title and the byline", () => {
    expect(result.metadata.title).toBe(TITLE);
    expect(result.metadata.byline).toBe("Michael R. Gordon");
    expect(result.importKind).toBe("text");
  });

  it("removes every boilerplate line and records each removal", () => {
    for (const line of BOILERPLATE_LINES) expect(text).not.toContain(line);
    expect(text).not.toMatch(/Advertisement|DMCA|Related Stories|Recent Articles|Stay on top|email protected/);
    const removedTexts = result.removedBlocks.map((b) => b.text);
    expect(removedTexts.filter((t) => t === "- Advertisement -")).toHaveLength(5);
    expect(removedTexts).toContain("DMCA / Correction Notice");
    expect(removedTexts).toContain("Write Michael R. Gordon at [email protected]");
    expect(removedTexts).toContain(TITLE);
    for (const b of result.removedBlocks) expect(b.reason.length).toBeGreaterThan(3);
  });

  it("keeps every sentence of the story", () => {
    const body = sample
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => !BOILERPLATE_LINES.has(line) && line !== TITLE)
      .join("\n");
    const expected = sentences(body);
    expect(expected.length).toBeGreaterThanOrEqual(30);
    const normalized = text.replace(/\s+/g, " ");
    for (const s of expected) expect(normalized).toContain(s);
  });

  it("trims the stray punctuation after a sentence", () => {
    expect(text).toContain("Saw an opportunity to press.\n\n");
    expect(text).not.toMatch(/press\. ,/);
  });

  it("keeps paragraphs as paragraphs", () => {
    expect(result.document.content.every((b) => b.type === "paragraph")).toBe(true);
    expect(text.split("\n\n")[0]).toBe("Moscow builds troops near Ukraine and issues demands to NATO and the US");
    expect(result.metadata.excerpt).toBe("Moscow builds troops near Ukraine and issues demands to NATO and the US");
  });

  it("restores the blocks the editor asks for, at their place", () => {
    const dmca = result.removedBlocks.find((b) => b.text === "DMCA / Correction Notice")!;
    const stray = result.removedBlocks.find((b) => b.reason.startsWith("Stray punctuation"))!;
    const restored = importText(sample, { restore: [dmca.index, stray.index] });
    const restoredText = canonicalText(restored.document);
    expect(restoredText).toContain("DMCA / Correction Notice");
    expect(restoredText).toContain("Saw an opportunity to press. ,");
    expect(restored.removedBlocks.map((b) => b.index)).not.toContain(dmca.index);
    expect(restored.removedBlocks).toHaveLength(result.removedBlocks.length - 2);
    // The restored line sits where it was: after the last story paragraph.
    expect(restoredText.endsWith("DMCA / Correction Notice")).toBe(true);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(importText(sample))).toBe(JSON.stringify(result));
  });
});

describe("splitParagraphs", () => {
  it("splits on blank lines and on short lines, joins hard-wrapped long lines", () => {
    const wrapped =
      "This is a long line of an e-mail that was hard wrapped at about seventy\ncolumns and continues here.\n\nSecond paragraph.\nThird on its own line.";
    expect(splitParagraphs(wrapped)).toEqual([
      "This is a long line of an e-mail that was hard wrapped at about seventy columns and continues here.",
      "Second paragraph.",
      "Third on its own line.",
    ]);
  });

  it("handles CRLF and collapses spaces", () => {
    expect(splitParagraphs("One  two\r\n\r\nthree\u00a0four")).toEqual(["One two", "three four"]);
  });
});

describe("importText metadata", () => {
  it("takes an opening 'By' line as the byline", () => {
    const r = importText("A Headline About Things\n\nBy Jane Doe and John Roe\n\nThe story starts here. It goes on.");
    expect(r.metadata.byline).toBe("Jane Doe and John Roe");
    expect(canonicalText(r.document)).toBe("The story starts here. It goes on.");
  });

  it("does not take a sentence as the title", () => {
    const r = importText("The story starts with a sentence.\n\nAnd another one.");
    expect(r.metadata.title).toBeNull();
    expect(canonicalText(r.document)).toBe("The story starts with a sentence.\n\nAnd another one.");
  });

  it("never removes a long paragraph that mentions a newsletter", () => {
    const para =
      "The agency said it would subscribe to a newsletter about advertisement fraud, and that officials would share the findings with the committee next week.";
    const r = importText(`Title Here Now\n\n${para}`);
    expect(canonicalText(r.document)).toBe(para);
  });
});

describe("importText bad input", () => {
  it("rejects empty text", () => {
    expectAppError(() => importText("   \n\n "), "VALIDATION_ERROR", /empty/);
  });

  it("rejects binary junk", () => {
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i * 7919) % 32)).join("");
    expectAppError(() => importText(junk), "UNPROCESSABLE", /binary/);
  });

  it("rejects oversized text and states the limit", () => {
    expectAppError(() => importText("word ".repeat(300), { maxBytes: 1000 }), "PAYLOAD_TOO_LARGE", /limit is 1000 bytes \(IMPORT_MAX_BYTES\)/);
  });
});
