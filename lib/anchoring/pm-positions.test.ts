import { describe, expect, it } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { pmPosToTextOffset, pmRangeToTextRange, textOffsetToPmPos, textRangeToPmPieces } from "./index";

// heading / list / blockquote / figure / hardBreak, positions worked out by hand:
//  0 <h1> 1 "Title" 6 </h1> 7 <ul> 8 <li> 9 <p> 10 "item" 14 </p> 15 </li> 16 </ul>
// 17 <blockquote> 18 <p> 19 "quoted" 25 </p> 26 </blockquote> 27 <figure/> 28 <p> 29 "a" 30 <br> 31 "b" 32 </p> 33
const mixedDoc: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Title" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "item" }] }] }] },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted" }] }] },
    { type: "figure", attrs: { src: "https://example.com/a.png" } },
    { type: "paragraph", content: [{ type: "text", text: "a", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "b" }] },
  ],
};
const layout = layoutDocument(mixedDoc);

describe("text offsets <-> ProseMirror positions", () => {
  it("maps offsets inside textblocks, including across a hard break", () => {
    expect(layout.text).toBe("Title\n\nitem\n\nquoted\n\na\nb");
    const expected: Array<[number, number]> = [
      [0, 1], [5, 6], // Title
      [7, 10], [11, 14], // item
      [13, 19], [19, 25], // quoted
      [21, 29], [22, 30], [23, 31], [24, 32], // a \n b
    ];
    for (const [offset, pos] of expected) {
      expect(textOffsetToPmPos(layout, offset)).toBe(pos);
      expect(pmPosToTextOffset(layout, pos)).toBe(offset);
    }
  });

  it("round-trips every offset that lies in a textblock", () => {
    for (const seg of layout.segments) {
      for (let o = seg.textStart; o <= seg.textEnd; o++) {
        expect(pmPosToTextOffset(layout, textOffsetToPmPos(layout, o))).toBe(o);
      }
    }
  });

  it("snaps an offset inside a block separator forward for a start and back for an end", () => {
    expect(textOffsetToPmPos(layout, 6, "start")).toBe(10); // between "Title" and "item"
    expect(textOffsetToPmPos(layout, 6, "end")).toBe(6);
    expect(textOffsetToPmPos(layout, 20, "start")).toBe(29); // separator holding the figure
    expect(textOffsetToPmPos(layout, 20, "end")).toBe(25);
  });

  it("snaps structural positions between textblocks the same way", () => {
    for (const pos of [7, 8, 9]) {
      expect(pmPosToTextOffset(layout, pos, "start")).toBe(7);
      expect(pmPosToTextOffset(layout, pos, "end")).toBe(5);
    }
    expect(pmPosToTextOffset(layout, 0)).toBe(0);
    expect(pmPosToTextOffset(layout, 33, "end")).toBe(layout.text.length);
    expect(pmPosToTextOffset(layout, 33, "start")).toBe(layout.text.length);
    expect(pmRangeToTextRange(layout, 26, 28)).toEqual({ start: 21, end: 21 }); // the figure alone: no text
    expect(pmRangeToTextRange(layout, 0, 33)).toEqual({ start: 0, end: layout.text.length });
  });

  it("clamps offsets outside the text", () => {
    expect(textOffsetToPmPos(layout, -5)).toBe(1);
    expect(textOffsetToPmPos(layout, 999)).toBe(32);
  });

  it("splits a multi-block range into one piece per textblock", () => {
    const start = layout.text.indexOf("tle");
    const end = layout.text.indexOf("uot");
    expect(textRangeToPmPieces(layout, { start, end })).toEqual([
      { from: 3, to: 6 },
      { from: 10, to: 14 },
      { from: 19, to: 20 },
    ]);
    expect(textRangeToPmPieces(layout, { start: 5, end: 7 })).toEqual([]); // separator only
    expect(textRangeToPmPieces(layout, { start: 3, end: 3 })).toEqual([]);
  });

  it("returns 0 for a document without textblocks", () => {
    const figureOnly = layoutDocument({ type: "doc", content: [{ type: "figure", attrs: { src: "https://example.com/a.png" } }] });
    expect(textOffsetToPmPos(figureOnly, 0)).toBe(0);
    expect(pmPosToTextOffset(figureOnly, 1)).toBe(0);
  });
});
