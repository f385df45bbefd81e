// @vitest-environment jsdom
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { DocNode } from "@/lib/document/types";
import { ArticleViewer, type ArticleViewerProps, type ViewerHighlight } from "./article-viewer";
import { buildTextMap, offsetOfPoint, rangeOf } from "./text-map";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no CSS Custom Highlight API: a Highlight is a set of ranges and CSS.highlights a
// registry, which is all the layer relies on.
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
const registry = new Map<string, FakeHighlight>();
vi.stubGlobal("Highlight", FakeHighlight);
vi.stubGlobal("CSS", { highlights: registry });
const painted = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString()).sort();

const doc: DocNode = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Mr Putin said the troops would stay." }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", caption: "Troops" } },
    { type: "paragraph", content: [{ type: "text", text: "Officials disagreed." }] },
  ],
};
const { text, figureOffsets } = layoutDocument(doc);
const html = renderDocumentHtml(doc);
const at = (p: string) => text.indexOf(p);
const highlights: ViewerHighlight[] = [
  { id: "long", start: at("Mr Putin"), end: at(" would"), group: "v1", label: "False" },
  { id: "short", start: at("troops"), end: at("troops") + 6, group: "v0", label: "True" },
];
const groups = [
  { name: "v0", color: "#bbf7d0" },
  { name: "v1", color: "#fecaca" },
];

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function render(props: Partial<ArticleViewerProps>) {
  await act(async () => {
    root.render(createElement(ArticleViewer, { html, figureOffsets, highlights, groups, ...props }));
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
}

/** Selects the text between two canonical offsets inside one paragraph's text node, as a user would. */
async function selectText(paragraphIndex: number, from: number, to: number, toParagraph = paragraphIndex) {
  const paragraphs = container.querySelectorAll(".article-prose p");
  const walker = (p: Element) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const locate = (p: Element, offset: number): [Node, number] => {
    const w = walker(p);
    let remaining = offset;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const len = n.textContent!.length;
      if (remaining <= len) return [n, remaining];
      remaining -= len;
    }
    throw new Error("offset beyond paragraph");
  };
  const range = document.createRange();
  range.setStart(...locate(paragraphs[paragraphIndex], from));
  range.setEnd(...locate(paragraphs[toParagraph], to));
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  await act(async () => {
    document.dispatchEvent(new Event("selectionchange"));
    await new Promise((r) => setTimeout(r, 50));
  });
}

describe("ArticleViewer", () => {
  it("paints each verdict group, the overlap and the selected claim without any element per claim", async () => {
    await render({});
    expect(container.querySelector("mark, [data-claim-ids]")).toBeNull();
    expect(painted("fm-g-v1")).toEqual(["Mr Putin said the troops"]);
    expect(painted("fm-g-v0")).toEqual(["troops"]);
    expect(painted("fm-overlap")).toEqual(["troops"]);
    expect(painted("fm-selected")).toEqual([]);
    expect(container.querySelector("style")?.textContent).toContain("::highlight(fm-g-v0){background-color:#bbf7d0");

    const [before] = registry.get("fm-g-v1")!;
    await render({ selectedClaimId: "short" });
    expect(painted("fm-selected")).toEqual(["troops"]);
    // Selecting reuses the painted ranges: the verdict groups were not rebuilt.
    expect([...registry.get("fm-g-v1")!][0]).toBe(before);
    expect(container.querySelector("[aria-live]")?.textContent).toBe("Selected claim: True");

    await render({ highlights: [highlights[0], { ...highlights[1], group: "v1" }] });
    expect(painted("fm-g-v0")).toEqual([]);
    expect(painted("fm-g-v1")).toEqual(["Mr Putin said the troops", "troops"]);
    expect([...registry.get("fm-g-v1")!][0]).toBe(before);
  });

  it("maps the server-rendered body back to the canonical text, through lists, breaks and links", () => {
    const rich: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }, { type: "hardBreak" }, { type: "text", text: "two", marks: [{ type: "link", attrs: { href: "https://e.com" } }] }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "said " }, { type: "text", text: "so", marks: [{ type: "bold" }] }] }] },
      ],
    } as DocNode;
    const el = document.createElement("div");
    el.innerHTML = renderDocumentHtml(rich);
    const map = buildTextMap(el);
    const expected = layoutDocument(rich).text;
    expect(map.text).toBe(expected);
    const two = expected.indexOf("two");
    expect(rangeOf(map, two, expected.indexOf("so") + 2)!.toString()).toMatch(/^two\s*said so$/);
    const strong = el.querySelector("strong")!;
    expect(offsetOfPoint(map, strong.firstChild!, 1)).toBe(expected.indexOf("so") + 1);
    expect(offsetOfPoint(map, strong, 0)).toBe(expected.indexOf("so"));
  });

  it("offers Add claim for a selection, trimmed, and creates it with selectors (button and Alt+Shift+A)", async () => {
    const onCreateClaim = vi.fn();
    await render({ canAnnotate: true, onCreateClaim });
    await selectText(0, "Mr Putin".length, "Mr Putin said the troops ".length); // " said the troops "
    const button = [...container.querySelectorAll("button")].find((b) => b.textContent?.includes("Add claim"))!;
    expect(button.getAttribute("title")).toBe("Add claim (Alt+Shift+A)");
    act(() => button.click());
    const start = at("said");
    expect(onCreateClaim).toHaveBeenCalledWith({
      start,
      end: start + "said the troops".length,
      quote: { type: "TextQuoteSelector", exact: "said the troops", prefix: "Mr Putin ", suffix: text.slice(start + 15, start + 15 + 32) },
      position: { type: "TextPositionSelector", start, end: start + "said the troops".length },
    });

    await selectText(1, 0, "Officials".length);
    act(() => {
      window.dispatchEvent(new KeyboardEvent("keydown", { altKey: true, shiftKey: true, code: "KeyA", key: "A" }));
    });
    expect(onCreateClaim).toHaveBeenLastCalledWith(expect.objectContaining({ start: at("Officials"), end: at("Officials") + 9 }));
  });

  it("explains instead of offering Add claim when the selection crosses a figure", async () => {
    const onCreateClaim = vi.fn();
    await render({ canAnnotate: true, onCreateClaim });
    await selectText(0, 3, 5, 1);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      "Selections can't cross a figure. Select the text on one side of the image.",
    );
    expect([...container.querySelectorAll("button")].some((b) => b.textContent?.includes("Add claim"))).toBe(false);
  });

  it("shows no affordance to readers", async () => {
    await render({ canAnnotate: false });
    await selectText(0, 0, 8);
    expect(container.querySelector(".article-viewer-affordance")).toBeNull();
  });
});
