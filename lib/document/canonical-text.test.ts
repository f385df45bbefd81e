import { describe, expect, it } from "vitest";
import { layoutDocument } from "./canonical-text";
import type { DocNode } from "./types";

describe("layoutDocument", () => {
  it("joins textblocks with a blank line and maps offsets to ProseMirror positions", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph", content: [{ type: "text", text: "One " }, { type: "text", text: "two", marks: [{ type: "bold" }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "item" }] }] }] },
        { type: "figure", attrs: { src: "https://example.com/a.png", caption: "cap" } },
        { type: "paragraph", content: [{ type: "text", text: "a" }, { type: "hardBreak" }, { type: "text", text: "b" }] },
      ],
    };
    const layout = layoutDocument(doc);
    expect(layout.text).toBe("Title\n\nOne two\n\nitem\n\na\nb");
    expect(layout.segments.map((s) => s.pmStart)).toEqual([1, 8, 19, 28]);
    expect(layout.figureOffsets).toEqual([layout.text.indexOf("item") + "item".length]);
  });
});
