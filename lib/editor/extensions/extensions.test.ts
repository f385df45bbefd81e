// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { textOffsetToPmPos } from "@/lib/anchoring";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { claimHighlightsPluginKey, segmentHighlights, viewerExtensions, type ClaimHighlight } from "./index";

const mixedDoc: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title “quoted” — café 🎉" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Plain " },
        { type: "text", text: "bold", marks: [{ type: "bold" }] },
        { type: "text", text: " and " },
        { type: "text", text: "a link", marks: [{ type: "link", attrs: { href: "https://example.com/" } }] },
        { type: "hardBreak" },
        { type: "text", text: "after break", marks: [{ type: "italic" }] },
      ],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "bullet" }] }] }] },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "third" }] }] }] },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "A quotation." }] }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", alt: "Alt", caption: "Caption here" } },
    { type: "paragraph", content: [{ type: "text", text: "Last paragraph." }] },
  ],
};

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function makeEditor(doc: DocNode): Editor {
  editor = new Editor({ element: document.createElement("div"), extensions: viewerExtensions(), content: doc, editable: false });
  return editor;
}

/** Drops attributes Tiptap adds with default values (orderedList type, link target/rel/class) so docs compare by content. */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    const isLink = (node as { type?: string }).type === "link";
    for (const [k, v] of Object.entries(node)) {
      if (k === "attrs" && v && typeof v === "object") {
        const attrs = Object.fromEntries(
          Object.entries(v).filter(([key, value]) => value !== null && value !== undefined && (!isLink || key === "href")),
        );
        if (Object.keys(attrs).length) out.attrs = attrs;
      } else out[k] = normalize(v);
    }
    return out;
  }
  return node;
}

describe("article schema", () => {
  it("round-trips a document with headings, lists, blockquote, figure, hard break and marks", () => {
    const e = makeEditor(mixedDoc);
    expect(normalize(e.getJSON())).toEqual(normalize(mixedDoc));
    expect(layoutDocument(e.getJSON() as DocNode)).toEqual(layoutDocument(mixedDoc));
  });

  it("renders the figure as <figure><img><figcaption> and refuses an unsafe image URL", () => {
    const e = makeEditor(mixedDoc);
    const figure = e.view.dom.querySelector("figure");
    expect(figure?.querySelector("img")?.getAttribute("src")).toBe("https://example.com/a.png");
    expect(figure?.querySelector("img")?.getAttribute("alt")).toBe("Alt");
    expect(figure?.querySelector("figcaption")?.textContent).toBe("Caption here");
    e.destroy();
    const bad = makeEditor({ type: "doc", content: [{ type: "figure", attrs: { src: "javascript:alert(1)", caption: "x" } }] });
    expect(bad.view.dom.querySelector("img")).toBeNull();
    expect(bad.view.dom.querySelector("figcaption")?.textContent).toBe("x");
  });

  it("maps canonical offsets to the ProseMirror positions of the same text", () => {
    const e = makeEditor(mixedDoc);
    const layout = layoutDocument(mixedDoc);
    for (const seg of layout.segments) {
      const from = textOffsetToPmPos(layout, seg.textStart);
      const to = textOffsetToPmPos(layout, seg.textEnd, "end");
      expect(e.state.doc.textBetween(from, to, "\n\n", "\n")).toBe(layout.text.slice(seg.textStart, seg.textEnd));
    }
    const start = layout.text.indexOf("bold");
    const end = layout.text.indexOf("bullet") + 3;
    const pm = e.state.doc.textBetween(textOffsetToPmPos(layout, start), textOffsetToPmPos(layout, end, "end"), "\n\n", "\n");
    expect(pm).toBe(layout.text.slice(start, end));
  });
});

describe("claim highlights", () => {
  const layout = layoutDocument(mixedDoc);
  const at = (phrase: string) => layout.text.indexOf(phrase);
  const claims: ClaimHighlight[] = [
    { id: "outer", start: at("Plain"), end: at("after break") + 5, color: "#fecaca", label: "False", statement: "Mr Putin said something" },
    { id: "inner", start: at("bold"), end: at("bold") + 4, color: "#bbf7d0", label: "True" },
    { id: "across", start: at("bullet"), end: at("A quotation") + 1, color: "#fef08a", label: "Half true" },
  ];

  const spans = (e: Editor) => [...e.view.dom.querySelectorAll<HTMLElement>("[data-claim-ids]")];

  it("decorates overlapping claims as split segments with counts, without marks in the document", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights(claims);
    expect(normalize(e.getJSON())).toEqual(normalize(mixedDoc));

    const bold = spans(e).find((s) => s.textContent === "bold");
    expect(bold?.dataset.claimIds).toBe("inner outer");
    expect(bold?.dataset.count).toBe("2");
    expect(bold?.className).toContain("claim-hl--d2");
    expect(bold?.getAttribute("title")).toBe("True; +1 overlapping claim");

    const plain = spans(e).find((s) => s.textContent === "Plain ");
    expect(plain?.dataset.count).toBe("1");
    expect(plain?.getAttribute("title")).toBe("False — Mr Putin said something");
    expect(plain?.getAttribute("role")).toBe("button");
    expect(plain?.getAttribute("tabindex")).toBe("0");

    const covered = spans(e).filter((s) => s.dataset.claimIds?.split(" ").includes("outer")).map((s) => s.textContent).join("");
    expect(covered).toBe(layout.text.slice(claims[0].start, claims[0].end).replace("\n", ""));
  });

  it("splits a claim that spans blocks into one decoration per block, at the right positions", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights(claims);
    const set = claimHighlightsPluginKey.getState(e.state)!;
    const across = set.find().filter((d) => (d.spec as { claimIds: string[] }).claimIds.includes("across"));
    const texts = across.map((d) => e.state.doc.textBetween(d.from, d.to));
    expect(texts).toEqual(["bullet", "third", "A"]);
    const keyboardStops = spans(e).filter((s) => s.dataset.claimStart === "across");
    expect(keyboardStops).toHaveLength(1);
    expect(keyboardStops[0].textContent).toBe("bullet");
  });

  it("marks the selected claim and replaces highlights on update", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights(claims.map((c) => ({ ...c, selected: c.id === "inner" })));
    const selected = spans(e).filter((s) => s.classList.contains("claim-hl--selected"));
    expect(selected.map((s) => s.textContent)).toEqual(["bold"]);
    expect(selected[0].getAttribute("aria-current")).toBe("true");
    e.commands.setClaimHighlights([claims[2]]);
    expect(new Set(spans(e).map((s) => s.dataset.claimIds))).toEqual(new Set(["across"]));
    e.commands.setClaimHighlights([]);
    expect(spans(e)).toHaveLength(0);
  });

  it("frames the selected claim once across its pieces: left edge at its start, right edge at its end", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights(claims.map((c) => ({ ...c, selected: c.id === "outer" })));
    const framed = spans(e).filter((s) => s.classList.contains("claim-hl--selected"));
    expect(framed.map((s) => s.textContent).join("")).toBe("Plain bold and a linkafter");
    const edges = framed.map((s) => {
      const style = s.getAttribute("style") ?? "";
      return [style.includes("inset 2px 0"), style.includes("inset -2px 0")];
    });
    expect(edges[0]).toEqual([true, false]);
    expect(edges[edges.length - 1]).toEqual([false, true]);
    expect(edges.slice(1, -1).every(([l, r]) => !l && !r)).toBe(true);
  });

  it("gives a claim one keyboard stop even when its text crosses a mark boundary", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights([{ id: "x", start: at("Plain"), end: at(" and"), color: "#fecaca", label: "False" }]);
    expect(spans(e).map((s) => s.textContent)).toEqual(["Plain ", "bold"]);
    expect(spans(e).filter((s) => s.getAttribute("tabindex") === "0")).toHaveLength(1);
  });

  it("falls back to a safe colour when a colour is not hex", () => {
    const e = makeEditor(mixedDoc);
    e.commands.setClaimHighlights([{ ...claims[1], color: "red; background-image: url(https://evil.example/x)" }]);
    const [span] = spans(e);
    expect(span.getAttribute("style")).not.toContain("evil");
    expect(span.getAttribute("style")).toContain("#dbeafe");
  });

  it("segments identical and nested ranges by every boundary", () => {
    const segs = segmentHighlights(
      [
        { id: "a", start: 0, end: 10, color: "#fff", label: "A" },
        { id: "b", start: 0, end: 10, color: "#fff", label: "B" },
        { id: "c", start: 4, end: 6, color: "#fff", label: "C" },
        { id: "d", start: 20, end: 30, color: "#fff", label: "D" },
      ],
      25,
    );
    expect(segs.map((s) => [s.start, s.end, s.claims.map((c) => c.id).join("")])).toEqual([
      [0, 4, "ab"],
      [4, 6, "cab"],
      [6, 10, "ab"],
      [20, 25, "d"],
    ]);
  });

  it("renders 1,000 overlapping claims on the sample article as decorations (timing logged, not asserted)", () => {
    const raw = readFileSync("/work/shared/fixtures/articles/biden-putin-scraped.txt", "utf8");
    const paragraphs = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const doc: DocNode = { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
    const len = layoutDocument(doc).text.length;
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const many: ClaimHighlight[] = Array.from({ length: 1000 }, (_, i) => {
      const start = Math.floor(rand() * (len - 200));
      return { id: `c${i}`, start, end: start + 5 + Math.floor(rand() * 150), color: "#fecaca", label: "False" };
    });
    const e = makeEditor(doc);
    const t0 = performance.now();
    e.commands.setClaimHighlights(many);
    const ms = performance.now() - t0;
    console.info(`1000 claims: decorations built and rendered in ${ms.toFixed(0)} ms`);
    const ids = new Set(spans(e).flatMap((s) => s.dataset.claimIds!.split(" ")));
    expect(ids.size).toBe(1000);
  });
});
