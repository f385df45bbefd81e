import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { anchor, describeRange, matchQuote, type Selector, type TextRange } from "./index";

const rangeOf = (text: string, phrase: string, from = 0): TextRange => {
  const start = text.indexOf(phrase, from);
  if (start === -1) throw new Error(`fixture lacks ${phrase}`);
  return { start, end: start + phrase.length };
};
const selectorsFor = (text: string, range: TextRange): Selector[] => {
  const { quote, position } = describeRange(text, range);
  return [quote, position];
};

describe("describeRange", () => {
  it("describes a quote with 32 characters of context and its position", () => {
    const text = "x".repeat(40) + "the claim" + "y".repeat(40);
    const { quote, position } = describeRange(text, { start: 40, end: 49 });
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "the claim", prefix: "x".repeat(32), suffix: "y".repeat(32) });
    expect(position).toEqual({ type: "TextPositionSelector", start: 40, end: 49 });
  });

  it("cuts context short at the very start and end of the text", () => {
    const text = "Alpha beta gamma";
    expect(describeRange(text, { start: 0, end: 5 }).quote).toMatchObject({ exact: "Alpha", prefix: "", suffix: " beta gamma" });
    expect(describeRange(text, { start: 11, end: 16 }).quote).toMatchObject({ exact: "gamma", prefix: "Alpha beta ", suffix: "" });
  });

  it("never splits a surrogate pair in the context", () => {
    const emoji = "🇺🇦"; // two surrogate pairs
    const text = "a" + emoji.repeat(20) + "QUOTE" + emoji.repeat(20);
    const start = text.indexOf("QUOTE");
    const { quote } = describeRange(text, { start, end: start + 5 });
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(quote.prefix).not.toMatch(lone);
    expect(quote.suffix).not.toMatch(lone);
    expect(quote.prefix!.length).toBe(32);
    expect(quote.suffix!.length).toBe(32);
  });
});

describe("anchor", () => {
  const text = "The minister said taxes fell. Critics said taxes fell only for some. The minister said taxes fell again.";

  it("uses the position when the text there still equals the quote", () => {
    const range = rangeOf(text, "taxes fell", 40);
    expect(anchor(text, selectorsFor(text, range))).toEqual({ ...range, method: "position", score: 1 });
  });

  it("anchors at the very start and the very end of the text", () => {
    const first = { start: 0, end: 3 };
    const last = { start: text.length - 6, end: text.length };
    expect(anchor(text, selectorsFor(text, first))).toMatchObject({ ...first, method: "position" });
    expect(anchor(text, selectorsFor(text, last))).toMatchObject({ ...last, method: "position" });
    // and by quote alone
    expect(anchor(text, [describeRange(text, first).quote])).toMatchObject(first);
    expect(anchor(text, [describeRange(text, last).quote])).toMatchObject(last);
  });

  it("falls back to the quote when the position no longer matches, using context to pick among repeats", () => {
    const range = rangeOf(text, "taxes fell", 40); // the second of three occurrences
    const selectors = selectorsFor(text, range);
    const edited = "UPDATE: corrected. " + text;
    const result = anchor(edited, selectors);
    expect(result).toMatchObject({ start: range.start + 19, end: range.end + 19, method: "quote" });
    expect(edited.slice(result!.start, result!.end)).toBe("taxes fell");
  });

  it("disambiguates repeated phrases by prefix and suffix even without a position", () => {
    const third = rangeOf(text, "taxes fell", 70);
    const { quote } = describeRange(text, third);
    expect(anchor(text, [quote])).toMatchObject({ ...third, method: "quote" });
    const first = rangeOf(text, "taxes fell");
    expect(anchor(text, [describeRange(text, first).quote])).toMatchObject(first);
  });

  it("prefers the repeat closest to the stored position when context cannot tell them apart", () => {
    const plain = "yes. yes. yes. yes.";
    const quote = { type: "TextQuoteSelector" as const, exact: "yes" };
    expect(anchor(plain, [quote, { type: "TextPositionSelector", start: 11, end: 99 }])).toMatchObject({ start: 10, end: 13 });
    expect(anchor(plain, [quote, { type: "TextPositionSelector", start: 1, end: 99 }])).toMatchObject({ start: 0, end: 3 });
  });

  it("anchors overlapping claims independently", () => {
    const outer = rangeOf(text, "Critics said taxes fell only for some.");
    const inner = rangeOf(text, "taxes fell only", outer.start);
    const edited = text.replace("The minister", "A minister");
    for (const r of [outer, inner]) {
      const got = anchor(edited, selectorsFor(text, r));
      expect(edited.slice(got!.start, got!.end)).toBe(text.slice(r.start, r.end));
      expect(got!.start).toBe(r.start - 2);
    }
  });

  it("handles punctuation and Unicode: curly quotes, accents, emoji", () => {
    const uni = "Il a dit : « C’est déjà fait » 🎉🎉 — “Really?” she asked, naïvely. Café ☕ closed.";
    for (const phrase of ["« C’est déjà fait »", "🎉🎉 — “Really?”", "naïvely.", "Café ☕"]) {
      const range = rangeOf(uni, phrase);
      const shifted = "Préambule… " + uni;
      const got = anchor(shifted, selectorsFor(uni, range));
      expect(shifted.slice(got!.start, got!.end)).toBe(phrase);
      expect(got!.method).toBe("quote");
    }
  });

  it("finds a fuzzy match after a small edit inside the quote", () => {
    const original = "Analysts agree that inflation peaked in the third quarter of last year, the report says.";
    const range = rangeOf(original, "inflation peaked in the third quarter of last year");
    const edited = "Some analysts agree that inflation peaked in the 3rd quarter of last year, the report says.";
    const got = anchor(edited, selectorsFor(original, range));
    expect(got?.method).toBe("fuzzy");
    expect(edited.slice(got!.start, got!.end)).toBe("inflation peaked in the 3rd quarter of last year");
    expect(got!.score).toBeLessThan(1);
    expect(got!.score).toBeGreaterThan(0.8);
  });

  it("returns null when nothing matches within the error budget", () => {
    const original = "The bridge opened in 1932 after six years of work.";
    const selectors = selectorsFor(original, rangeOf(original, "opened in 1932 after six years"));
    expect(anchor("A completely different article about fisheries policy.", selectors)).toBeNull();
    // too many edits: more than 10% of the quote changed
    expect(anchor("The bridge closed in 1999 after ten months of work.", selectors)).toBeNull();
    expect(anchor(original, [])).toBeNull();
    expect(anchor(original, [{ type: "TextQuoteSelector", exact: "" }])).toBeNull();
  });

  it("rejects a position out of bounds and falls back to the quote", () => {
    const t = "short text";
    expect(anchor(t, [{ type: "TextPositionSelector", start: 6, end: 40 }])).toBeNull();
    expect(anchor(t, [{ type: "TextPositionSelector", start: 6, end: 40 }, { type: "TextQuoteSelector", exact: "text" }])).toMatchObject({
      start: 6,
      end: 10,
      method: "quote",
    });
  });

  it("anchors spans across paragraph boundaries", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First paragraph ends here." }] },
        { type: "paragraph", content: [{ type: "text", text: "Second one starts there." }] },
      ],
    };
    const canon = layoutDocument(doc).text;
    const range = { start: canon.indexOf("ends"), end: canon.indexOf(" starts") };
    expect(canon.slice(range.start, range.end)).toBe("ends here.\n\nSecond one");
    const got = anchor("Intro.\n\n" + canon, selectorsFor(canon, range));
    expect(got).toMatchObject({ start: range.start + 8, end: range.end + 8, method: "quote" });
  });
});

describe("anchoring the sample article", () => {
  const raw = readFileSync("/work/shared/fixtures/articles/biden-putin-scraped.txt", "utf8");
  const paragraphs = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const doc: DocNode = { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
  const { text } = layoutDocument(doc);
  const phrase = "Russia annexed Crimea from Ukraine in 2014";

  it("anchors the Crimea claim by position, by quote after an insertion, and fuzzily after a correction", () => {
    const range = rangeOf(text, phrase);
    const selectors = selectorsFor(text, range);
    expect(anchor(text, selectors)).toMatchObject({ ...range, method: "position" });

    const withNote = "Editor's note: updated.\n\n" + text;
    expect(anchor(withNote, selectors)).toMatchObject({ start: range.start + 25, method: "quote" });

    // 4 edits in a 42-character quote: within the 10% budget
    const corrected = text.replace(phrase, "Russia annexed the Crimea from Ukraine in 2014");
    const fuzzy = anchor(corrected, selectors);
    expect(fuzzy?.method).toBe("fuzzy");
    expect(corrected.slice(fuzzy!.start, fuzzy!.end)).toBe("Russia annexed the Crimea from Ukraine in 2014");
  });

  it("matches the quote directly with matchQuote", () => {
    const m = matchQuote(text, phrase);
    expect(m).toMatchObject({ ...rangeOf(text, phrase), errors: 0 });
  });
});

describe("properties", () => {
  const textAndRange = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 200 })
    .chain((text) =>
      fc
        .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
        .map(([a, b]) => ({ text, range: { start: Math.min(a, b), end: Math.max(a, b) + 1 } })),
    );

  it("describeRange then anchor returns the same range", () => {
    fc.assert(
      fc.property(textAndRange, ({ text, range }) => {
        const got = anchor(text, selectorsFor(text, range));
        expect(got).toMatchObject({ start: range.start, end: range.end });
      }),
    );
  });

  it("after text is inserted before it, a quote that occurs once anchors at the shifted range", () => {
    fc.assert(
      fc.property(textAndRange, fc.string({ unit: "grapheme", minLength: 1, maxLength: 50 }), ({ text, range }, inserted) => {
        const edited = inserted + text;
        const exact = text.slice(range.start, range.end);
        fc.pre(edited.indexOf(exact) === edited.lastIndexOf(exact));
        const got = anchor(edited, selectorsFor(text, range));
        expect(got).toMatchObject({ start: range.start + inserted.length, end: range.end + inserted.length });
      }),
    );
  });
});
