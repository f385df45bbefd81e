import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffTexts, mapOffset, TOKEN, tokenEnds } from "./text-diff";

const ends = (text: string) => {
  const out: number[] = [];
  let at = 0;
  for (const t of text.match(TOKEN) ?? []) out.push((at += t.length));
  return out;
};

describe("tokenEnds", () => {
  it("splits a text exactly as the TOKEN regex does (words, single other characters, spaces after them)", () => {
    const pieces = fc.constantFrom("word", "Caf\u00e9", "na\u0131ve", "e\u0301", "42", " ", "  ", "\n\n", "\t", "\u00a0", ",", ".", "\u2014", "\u201c", "\ud83d\ude00", "\ud800", "\u4e2d\u6587", "\u0645\u0631\u062d\u0628\u0627", "x");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect([...tokenEnds(text)]).toEqual(ends(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        expect([...tokenEnds(text)]).toEqual(ends(text));
      }), { numRuns: 300 });
  });
});

describe("mapOffset inside a rewrite of unequal length", () => {
  // Old "... P A B S ..." became "... P X S ...": two words replaced by one, no word in common.
  const before = "The court said that alpha beta ruled on Monday.";
  const after = "The court said that gamma ruled on Monday.";
  const diff = diffTexts(before, after);

  it("maps an edge at the rewrite's border to its border (the span covers the new wording)", () => {
    // An end goes to the end of the last new token, its space included (re-anchoring trims it).
    const end = before.indexOf(" ruled");
    const e = mapOffset(diff, end, "end");
    expect(e.offset).toBe(after.indexOf(" ruled") + 1);
    expect(e.alternative).toBeUndefined();
    const s = mapOffset(diff, before.indexOf("alpha"), "start");
    expect(s.offset).toBe(after.indexOf("gamma"));
    expect(s.alternative).toBeUndefined();
  });

  it("says when an edge cutting the old words could be on either side of the new word (1 of 2 words → ½ of 1)", () => {
    const end = before.indexOf("alpha") + "alpha".length;
    const m = mapOffset(diff, end, "end");
    expect(m.alternative).toBeDefined();
    // Before "gamma" or after it: the span takes the one covering the new word.
    expect(m.offset).toBe(after.indexOf(" ruled") + 1);
    expect(m.alternative).toBe(after.indexOf("gamma"));
  });

  it("places an edge cutting the old words in proportion when that is not halfway (2 of 3 words → 1 of 2)", () => {
    const b = "It was said that one two three happened.";
    const a = "It was said that four five happened.";
    const d = diffTexts(b, a);
    const m = mapOffset(d, b.indexOf(" three"), "end");
    expect(m.alternative).toBeUndefined();
    expect(a.slice(0, m.offset).trimEnd().endsWith("four")).toBe(true);
  });
});
