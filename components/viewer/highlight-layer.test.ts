// @vitest-environment jsdom
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { DocNode } from "@/lib/document/types";
import { buildSegments, overlapRanges, type SpanClaim } from "@/lib/highlights/segments";
import { EARLY_PAINT_GLOBAL, earlyPaintScript, takeEarlyPaint } from "./early-paint";
import { HighlightLayer, type PaintWindow } from "./highlight-layer";
import { buildTextMap, rangeOf, type TextMap } from "./text-map";
import { textBetween } from "./use-paint-window";

// The paint window (a long article registers only the claims near the viewport): whatever the
// windows and claim updates, the registered highlights are exactly the claims and overlap pieces
// that meet the window, a claim that stays in keeps its Range, and selecting works outside it.

class FakeHighlight extends Set<Range> {
  priority = 0;
}
const registry = new Map<string, FakeHighlight>();
vi.stubGlobal("Highlight", FakeHighlight);
vi.stubGlobal("CSS", { highlights: registry });
const texts = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString()).sort();

const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} says that the figure rose by ${i} percent in the year.`);
const doc: DocNode = { type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) } as DocNode;
const { text } = layoutDocument(doc);

let body: HTMLDivElement;
let map: TextMap;
beforeEach(() => {
  registry.clear();
  body = document.createElement("div");
  body.id = "article-text";
  body.innerHTML = renderDocumentHtml(doc);
  document.body.appendChild(body);
  map = buildTextMap(body);
});
afterEach(() => {
  document.body.innerHTML = "";
  delete (window as unknown as Record<string, unknown>)[EARLY_PAINT_GLOBAL];
});

const meets = (c: { start: number; end: number }, w: PaintWindow) => c.end > c.start && (!w || (c.end > w.from && c.start < w.to));
/** What the layer must register for `claims` under `w`. */
function expected(claims: SpanClaim[], w: PaintWindow) {
  const byGroup: Record<string, string[]> = { v0: [], v1: [] };
  const textOf = (s: { start: number; end: number }) => rangeOf(map, s.start, s.end)!.toString();
  for (const c of claims) if (meets(c, w)) byGroup[c.group].push(textOf(c));
  const overlap = overlapRanges(buildSegments(claims)).filter((o) => meets(o, w)).map(textOf);
  return { v0: byGroup.v0.sort(), v1: byGroup.v1.sort(), overlap: overlap.sort() };
}
const registered = () => ({ v0: texts("fm-g-v0"), v1: texts("fm-g-v1"), overlap: texts("fm-overlap") });

const claimArb = fc.tuple(fc.nat(text.length - 1), fc.nat(60), fc.constantFrom("v0", "v1"));
const windowArb = fc.option(fc.tuple(fc.nat(text.length), fc.nat(text.length)).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })), { nil: null });
const toClaims = (spans: Array<[number, number, string]>, prefix = "c") => spans.map(([s, l, g], i) => ({ id: `${prefix}${i}`, start: s, end: Math.min(text.length, s + l), group: g }));

describe("the highlight layer's paint window", () => {
  it("registers exactly the claims and overlaps that meet the window, through window moves and updates", () => {
    const step = fc.oneof(windowArb.map((w) => ({ window: w })), fc.array(claimArb, { maxLength: 25 }).map((spans) => ({ spans })));
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 25 }), fc.array(step, { maxLength: 6 }), (initial, steps) => {
        registry.clear();
        const layer = new HighlightLayer(map, ["v0", "v1"]);
        let claims = toClaims(initial);
        let w: PaintWindow = null;
        layer.update(claims);
        expect(registered()).toEqual(expected(claims, w));
        for (const [k, s] of steps.entries()) {
          if ("window" in s) {
            w = s.window;
            layer.setWindow(w);
          } else {
            // Keep some claims (same ids), recolour one, add the rest.
            const next = toClaims(s.spans, `n${k}-`);
            claims = [...claims.slice(0, 5).map((c, i) => (i === 0 ? { ...c, group: c.group === "v0" ? "v1" : "v0" } : c)), ...next];
            layer.update(claims);
          }
          expect(registered()).toEqual(expected(claims, w));
          expect(layer.shownCount).toBe(claims.filter((c) => meets(c, w)).length);
          expect(layer.size).toBe(claims.filter((c) => c.end > c.start).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a claim's Range while it stays in the window, and selects claims outside it", () => {
    const at = (p: number) => text.indexOf(paragraphs[p]);
    const claims: SpanClaim[] = paragraphs.map((p, i) => ({ id: `p${i}`, start: at(i), end: at(i) + (i < 10 ? 11 : 12), group: "v0" }));
    const layer = new HighlightLayer(map, ["v0"]);
    layer.update(claims);
    const kept = layer.rangeOf("p3");
    layer.setWindow({ from: at(2), to: at(5) });
    expect(texts("fm-g-v0")).toEqual(["Paragraph 2", "Paragraph 3", "Paragraph 4"]);
    layer.setWindow({ from: at(3), to: at(7) });
    expect([...registry.get("fm-g-v0")!]).toContain(kept);
    expect(layer.select("p10")?.toString()).toBe("Paragraph 10");
    expect(texts("fm-selected")).toEqual(["Paragraph 10"]);
    expect(texts("fm-g-v0")).not.toContain("Paragraph 10");
  });

  it("narrows what the inline script registered, keeping its Range objects", () => {
    const at = (p: number) => text.indexOf(paragraphs[p]);
    const claims: SpanClaim[] = paragraphs.flatMap((_, i) => [
      { id: `a${i}`, start: at(i), end: at(i) + 14, group: "v0" },
      { id: `b${i}`, start: at(i) + 10, end: at(i) + 20, group: "v1" },
    ]);
    new Function(earlyPaintScript("article-text", { spans: claims.flatMap((c) => [c.start, c.end - c.start]), groups: claims.map((c) => (c.group === "v0" ? 0 : 1)), names: ["v0", "v1"] }))();
    const early = takeEarlyPaint(body)!;
    const layer = HighlightLayer.adopt(map, early, claims)!;
    const w = { from: at(4), to: at(6) };
    layer.setWindow(w);
    expect(registered()).toEqual(expected(claims, w));
    expect([...registry.get("fm-g-v0")!]).toContain(early.ranges[8]); // a4
    layer.setWindow(null);
    expect(registered()).toEqual(expected(claims, null));
  });
});

describe("textBetween", () => {
  it("finds the text nodes whose boxes meet a band of the viewport", () => {
    // jsdom has no layout: paragraph i is 100 px tall, starting at 100·i − 250.
    const index = new Map(map.nodes.map((n, i) => [n as Node, i]));
    Range.prototype.getBoundingClientRect = function (this: Range) {
      const top = 100 * index.get(this.startContainer)! - 250;
      return { top, bottom: top + 100 } as DOMRect;
    };
    // Band [0, 300): paragraphs 2 (−50..50) to 5 (250..350).
    expect(textBetween(map, 0, 300)).toEqual({ from: map.starts[2], to: map.starts[5] + map.nodes[5].data.length });
    expect(textBetween(map, 5_000, 6_000)).toEqual({ from: text.length, to: text.length });
    delete (Range.prototype as Partial<Range>).getBoundingClientRect;
  });
});
