// @vitest-environment jsdom
import fc from "fast-check";
import { act, createElement } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { packSpans } from "@/lib/claims/claim-index";
import { layoutDocument } from "@/lib/document/canonical-text";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { DocNode } from "@/lib/document/types";
import { ArticleViewer, type ViewerHighlight } from "./article-viewer";
import { EARLY_PAINT_GLOBAL, earlyPaintScript, takeEarlyPaint, type EarlyPaintData } from "./early-paint";
import { HighlightLayer } from "./highlight-layer";
import { buildTextMap } from "./text-map";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no CSS Custom Highlight API: a Highlight is a set of ranges, CSS.highlights a registry.
class FakeHighlight extends Set<Range> {
  priority = 0;
}
const registry = new Map<string, FakeHighlight>();
vi.stubGlobal("Highlight", FakeHighlight);
vi.stubGlobal("CSS", { highlights: registry });
const texts = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString()).sort();

const rich: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "The title" }] },
    { type: "paragraph", content: [{ type: "text", text: "Mr Putin said the troops would stay. " }, { type: "text", text: "Officials", marks: [{ type: "bold" }] }, { type: "text", text: " disagreed." }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", caption: "Troops at the border" } },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }, { type: "hardBreak" }, { type: "text", text: "two", marks: [{ type: "link", attrs: { href: "https://e.com" } }] }] }] }] },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "said so, and more than that." }] }] },
  ],
} as DocNode;
const { text } = layoutDocument(rich);

let body: HTMLDivElement;
beforeEach(() => {
  registry.clear();
  body = document.createElement("div");
  body.id = "article-text";
  body.innerHTML = renderDocumentHtml(rich);
  document.body.appendChild(body);
});
afterEach(() => {
  document.body.innerHTML = "";
  delete (window as unknown as Record<string, unknown>)[EARLY_PAINT_GLOBAL];
});

const run = (data: EarlyPaintData) => new Function(earlyPaintScript("article-text", data))();
const dataOf = (claims: ViewerHighlight[], names: string[]): EarlyPaintData => ({
  spans: packSpans(claims),
  groups: claims.map((c) => names.indexOf(c.group)),
  names,
});

describe("the inline early-paint script", () => {
  it("maps the body exactly as buildTextMap does", () => {
    run({ spans: [], groups: [], names: [] });
    const early = takeEarlyPaint(body)!;
    const map = buildTextMap(body);
    expect(early.text).toBe(text);
    expect(early.text).toBe(map.text);
    expect(early.nodes).toEqual(map.nodes);
    expect(early.starts).toEqual(map.starts);
    expect(takeEarlyPaint(body)).toBeNull(); // taken once
  });

  it("paints the same ranges, groups and overlaps as the highlight layer, and the layer adopts them", () => {
    const at = (s: string) => text.indexOf(s);
    const claims: ViewerHighlight[] = [
      { id: "a", start: at("Mr Putin"), end: at(" would"), group: "v1", label: "False" },
      { id: "b", start: at("troops"), end: at("Officials") + 9, group: "v0", label: "True" },
      { id: "c", start: at("stay"), end: at("stay") + 4, group: "unrated", label: "Unrated" },
      { id: "d", start: at("one"), end: at("two") + 3, group: "v0", label: "True" },
      { id: "e", start: at("said so"), end: at("said so"), group: "v0", label: "True" }, // empty: not painted
    ];
    run(dataOf(claims, ["v0", "v1", "unrated"]));
    const early = takeEarlyPaint(body)!;
    const painted = { v0: texts("fm-g-v0"), v1: texts("fm-g-v1"), unrated: texts("fm-g-unrated"), overlap: texts("fm-overlap") };
    expect(painted.v1).toEqual(["Mr Putin said the troops"]);
    expect(painted.v0).toEqual(["onetwo", "troops would stay. Officials"]); // a <br> has no text in a Range
    expect(painted.overlap).toEqual(["stay", "troops"]);
    expect([...registry.keys()]).toEqual(["fm-overlap", "fm-selected", "fm-g-v0", "fm-g-v1", "fm-g-unrated"]);
    expect(registry.get("fm-overlap")!.priority).toBe(1);
    expect(registry.get("fm-selected")!.priority).toBe(2);

    // The layer built from scratch paints the same texts.
    const ranges = early.ranges;
    registry.clear();
    const fresh = new HighlightLayer(buildTextMap(body), ["v0", "v1", "unrated"]);
    fresh.update(claims);
    expect({ v0: texts("fm-g-v0"), v1: texts("fm-g-v1"), unrated: texts("fm-g-unrated"), overlap: texts("fm-overlap") }).toEqual(painted);
    expect(fresh.claimsAt(at("troops"))).toEqual(["a", "b"]);

    // Adopting keeps the script's Range objects and highlights.
    registry.clear();
    for (const [name, h] of Object.entries(early.highlights!)) registry.set(name, h as unknown as FakeHighlight);
    const layer = HighlightLayer.adopt(buildTextMap(body), early, claims)!;
    expect(layer).not.toBeNull();
    expect(layer.rangeOf("a")).toBe(ranges[0]);
    expect(layer.size).toBe(4);
    expect(layer.update(claims)).toBe(0);
    expect(layer.claimsAt(at("stay"))).toEqual(["b", "c"]);
    expect(layer.select("b")).toBe(ranges[1]);
    expect(texts("fm-selected")).toEqual(["troops would stay. Officials"]);
  });

  it("is not adopted for other claims (its highlights are dropped)", () => {
    const claims: ViewerHighlight[] = [{ id: "a", start: 0, end: 3, group: "v0", label: "True" }];
    run(dataOf(claims, ["v0"]));
    const early = takeEarlyPaint(body)!;
    expect(HighlightLayer.adopt(buildTextMap(body), early, [{ ...claims[0], end: 4 }])).toBeNull();
    expect(registry.size).toBe(0);
  });

  it("finds the same overlaps as the segment sweep on random claims", () => {
    const claim = fc.tuple(fc.nat(text.length - 1), fc.nat(30), fc.constantFrom("v0", "v1"));
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 40 }), (spans) => {
        const claims = spans.map(([s, l, g], i) => ({ id: `c${i}`, start: s, end: Math.min(text.length, s + l), group: g, label: g }));
        registry.clear();
        run(dataOf(claims, ["v0", "v1"]));
        takeEarlyPaint(body);
        const early = { g0: texts("fm-g-v0"), g1: texts("fm-g-v1"), overlap: texts("fm-overlap") };
        registry.clear();
        new HighlightLayer(buildTextMap(body), ["v0", "v1"]).update(claims);
        expect({ g0: texts("fm-g-v0"), g1: texts("fm-g-v1"), overlap: texts("fm-overlap") }).toEqual(early);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps the script's data inside its <script> element", () => {
    const script = earlyPaintScript("x</script><script>alert(1)</script>", { spans: [], groups: [], names: ["</script>"] });
    expect(script).not.toContain("</script");
    expect(script).not.toContain("<!--");
  });
});

describe("ArticleViewer after the inline script", () => {
  let root: Root | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
  });

  it("hydrates over the painted body, adopting its ranges", async () => {
    document.body.innerHTML = "";
    const doc: DocNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Mr Putin said the troops would stay." }] }] };
    const html = renderDocumentHtml(doc);
    const highlights: ViewerHighlight[] = [{ id: "a", start: 3, end: 8, group: "v0", label: "True" }];
    const groups = [{ name: "v0", color: "#bbf7d0" }];
    const element = createElement(ArticleViewer, { html, figureOffsets: [], highlights, groups, nonce: "abc" });
    const container = document.createElement("div");
    container.innerHTML = renderToString(element);
    document.body.appendChild(container);
    const script = container.querySelector("script");
    expect(script?.getAttribute("nonce")).toBe("abc");
    new Function(earlyPaintScript("article-text", { spans: [3, 5], groups: [0], names: ["v0"] }))();
    const [painted] = registry.get("fm-g-v0")!;
    expect(painted.toString()).toBe("Putin");

    await act(async () => {
      root = hydrateRoot(container, element);
    });
    const body = container.querySelector(".article-prose")!;
    expect(body.getAttribute("data-painted-claims")).toBe("1");
    expect([...registry.get("fm-g-v0")!][0]).toBe(painted);
    expect(window[EARLY_PAINT_GLOBAL as keyof Window]).toBeUndefined();
  });
});
