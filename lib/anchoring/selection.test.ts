import { describe, expect, it } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { selectionProblem, trimRange } from "./index";

const doc: DocNode = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Before the image." }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", alt: "A", caption: "Caption" } },
    { type: "paragraph", content: [{ type: "text", text: "After the image." }] },
    { type: "paragraph", content: [{ type: "text", text: "  spaced   " }] },
  ],
};
const layout = layoutDocument(doc);
const at = (phrase: string) => layout.text.indexOf(phrase);

describe("trimRange", () => {
  it("drops leading and trailing whitespace, including block separators", () => {
    const text = layout.text;
    const range = { start: at("image.") + 6, end: at("After") + 5 }; // "\n\nAfter"
    expect(trimRange(text, range)).toEqual({ start: at("After"), end: at("After") + 5 });
    expect(trimRange(text, { start: at("  spaced"), end: text.length })).toEqual({ start: at("spaced"), end: at("spaced") + 6 });
  });

  it("collapses an all-whitespace range", () => {
    const r = trimRange("a    b", { start: 1, end: 5 });
    expect(r.start).toBe(r.end);
  });
});

describe("selectionProblem", () => {
  it("accepts text on either side of a figure", () => {
    expect(selectionProblem(layout, { start: 0, end: at("image.") + 6 })).toBeNull();
    expect(selectionProblem(layout, { start: at("After"), end: at("After") + 16 })).toBeNull();
  });

  it("accepts a selection that only touches the figure's separator once trimmed", () => {
    expect(selectionProblem(layout, { start: at("image.") + 6, end: at("After") + 5 })).toBeNull();
  });

  it("rejects a selection that crosses a figure", () => {
    expect(selectionProblem(layout, { start: at("image."), end: at("After") + 5 })).toBe(
      "Selections can't cross a figure. Select the text on one side of the image.",
    );
  });

  it("rejects empty, whitespace-only and out-of-bounds selections with a message", () => {
    expect(selectionProblem(layout, { start: 3, end: 3 })).toMatch(/Select some text/);
    expect(selectionProblem(layout, { start: at("spaced") - 2, end: at("spaced") })).toMatch(/only spaces/);
    expect(selectionProblem(layout, { start: -1, end: 4 })).toMatch(/outside the article/);
    // One character (or a punctuation mark) is no claim: at least a word.
    expect(selectionProblem(layout, { start: at("spaced"), end: at("spaced") + 1 })).toMatch(/at least a whole word/);
    expect(selectionProblem(layout, { start: at("image."), end: at("image.") + 2 })).toBeNull();
    expect(selectionProblem(layout, { start: 0, end: layout.text.length + 1 })).toMatch(/outside the article/);
    expect(selectionProblem(layout, { start: 5, end: 2 })).toMatch(/outside the article/);
    expect(selectionProblem(layout, { start: 0.5, end: 2 })).toMatch(/outside the article/);
  });

  it("allows spans across ordinary paragraph boundaries", () => {
    expect(selectionProblem(layout, { start: at("After"), end: at("spaced") + 6 })).toBeNull();
  });

  it("treats figures at the very start or end as uncrossable but harmless", () => {
    const edge = layoutDocument({
      type: "doc",
      content: [
        { type: "figure", attrs: { src: "https://example.com/a.png" } },
        { type: "paragraph", content: [{ type: "text", text: "Only text." }] },
        { type: "figure", attrs: { src: "https://example.com/b.png" } },
      ],
    });
    expect(edge.figureOffsets).toEqual([0, 10]);
    expect(selectionProblem(edge, { start: 0, end: 10 })).toBeNull();
  });
});
