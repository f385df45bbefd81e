import { describe, expect, it } from "vitest";
import { canonicalText } from "./canonical-text";
import { renderDocumentHtml } from "./render-html";
import type { DocNode } from "./types";

const doc: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Head <b>" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Russia annexed " },
        { type: "text", text: "Crimea", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
        { type: "text", text: " in 2014.", marks: [{ type: "italic" }] },
      ],
    },
  ],
};

describe("renderDocumentHtml", () => {
  it("escapes text and drops unsafe links", () => {
    const html = renderDocumentHtml(doc);
    expect(html).toContain("<h2>Head &lt;b&gt;</h2>");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("<em> in 2014.</em>");
  });

  it("wraps overlapping highlight ranges of the canonical text", () => {
    const text = canonicalText(doc);
    const a = text.indexOf("Russia");
    const b = text.indexOf("Crimea");
    const html = renderDocumentHtml(doc, {
      highlights: [
        { id: "c1", start: a, end: b + "Crimea".length },
        { id: "c2", start: b, end: text.length },
      ],
    });
    expect(html).toContain('<mark data-claim-ids="c1">Russia annexed </mark>');
    expect(html).toContain('<mark data-claim-ids="c1 c2">Crimea</mark>');
    expect(html).toContain('<em><mark data-claim-ids="c2"> in 2014.</mark></em>');
  });
});
