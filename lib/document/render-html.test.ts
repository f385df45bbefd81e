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

describe("renderDocumentHtml highlights (sweep)", () => {
  it("wraps every character with exactly the ids that cover it, overlaps included, as a naive per-character check", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const para: DocNode = {
      type: "doc",
      content: [0, 1, 2].map((p) => ({ type: "paragraph", content: [{ type: "text", text: words.slice(p * 100, p * 100 + 100).join(" ") }] })),
    };
    const text = canonicalText(para);
    const highlights = Array.from({ length: 400 }, (_, i) => {
      const start = rand(text.length - 1);
      return { id: `h${i}`, start, end: Math.min(text.length, start + 1 + rand(40)) };
    });
    const out = renderDocumentHtml(para, { highlights, wrapHighlight: (piece, ids) => `[${ids.join(",")}|${piece}]` });
    // Reconstruct which ids covered each character and compare with the ranges.
    const sorted = [...highlights].sort((a, b) => a.start - b.start || a.end - b.end);
    let offset = 0;
    const plain = text.split("\n\n");
    const paragraphs = [...out.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
    expect(paragraphs).toHaveLength(3);
    paragraphs.forEach((html, p) => {
      let pos = offset;
      for (const m of html.matchAll(/\[([^|\]]*)\|([^\]]*)\]|([^[]+)/g)) {
        const piece = m[2] ?? m[3];
        const ids = m[1] ? m[1].split(",") : [];
        for (let i = 0; i < piece.length; i++) {
          const at = pos + i;
          expect(ids).toEqual(sorted.filter((h) => h.start <= at && h.end > at).map((h) => h.id));
        }
        pos += piece.length;
      }
      expect(pos - offset).toBe(plain[p].length);
      offset = pos + 2;
    });
  });

  it("links to images instead of loading them when asked (no third-party pixels on public pages)", () => {
    const figure: DocNode = {
      type: "doc",
      content: [{ type: "figure", attrs: { src: "https://cdn.publisher.example/p.jpg", alt: "Putin <and> Biden", caption: "The leaders in Geneva" } }],
    };
    expect(renderDocumentHtml(figure)).toContain('<img src="https://cdn.publisher.example/p.jpg"');
    const linked = renderDocumentHtml(figure, { images: "link" });
    expect(linked).not.toContain("<img");
    expect(linked).toContain('<a class="image-link" href="https://cdn.publisher.example/p.jpg" rel="noopener noreferrer nofollow">Image at the original publisher: Putin &lt;and&gt; Biden</a>');
    expect(linked).toContain("<figcaption>The leaders in Geneva</figcaption>");
  });
});
