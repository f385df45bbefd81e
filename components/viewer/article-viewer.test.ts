// @vitest-environment jsdom
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { ArticleViewer, type ArticleViewerProps, type ViewerHighlight } from "./article-viewer";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const doc: DocNode = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Mr Putin said the troops would stay." }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", caption: "Troops" } },
    { type: "paragraph", content: [{ type: "text", text: "Officials disagreed." }] },
  ],
};
const text = layoutDocument(doc).text;
const at = (p: string) => text.indexOf(p);
const highlights: ViewerHighlight[] = [
  { id: "long", start: at("Mr Putin"), end: at(" would"), color: "#fecaca", label: "False", statement: "Mr Putin said the troops" },
  { id: "short", start: at("troops"), end: at("troops") + 6, color: "#bbf7d0", label: "True" },
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
    root.render(createElement(ArticleViewer, { document: doc, canonicalText: text, highlights, ...props }));
  });
  await act(async () => new Promise((r) => setTimeout(r, 20)));
}

/** Selects the text between two canonical offsets inside one paragraph's text node, as a user would. */
async function selectText(paragraphIndex: number, from: number, to: number, toParagraph = paragraphIndex) {
  const paragraphs = container.querySelectorAll(".ProseMirror p");
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
  it("renders the article with highlights and picks the shortest overlapping claim on click, cycling on repeat", async () => {
    const onSelectClaim = vi.fn();
    await render({ onSelectClaim });
    const troops = [...container.querySelectorAll<HTMLElement>("[data-claim-ids]")].find((s) => s.textContent === "troops")!;
    expect(troops.dataset.claimIds).toBe("short long");
    act(() => troops.click());
    expect(onSelectClaim).toHaveBeenLastCalledWith("short");

    await render({ onSelectClaim, selectedClaimId: "short" });
    const again = [...container.querySelectorAll<HTMLElement>("[data-claim-ids]")].find((s) => s.textContent === "troops")!;
    expect(again.classList.contains("claim-hl--selected")).toBe(true);
    act(() => again.click());
    expect(onSelectClaim).toHaveBeenLastCalledWith("long");
    expect(container.querySelector("[aria-live]")?.textContent).toBe("Selected claim: True");
  });

  it("selects a claim with Enter on its focusable highlight", async () => {
    const onSelectClaim = vi.fn();
    await render({ onSelectClaim });
    const start = container.querySelector<HTMLElement>('[data-claim-start="long"]')!;
    expect(start.getAttribute("role")).toBe("button");
    act(() => {
      start.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(onSelectClaim).toHaveBeenCalledWith("long");
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

  it("warns when canonicalText does not match the document", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await render({ canonicalText: "something else" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("canonicalText differs"));
    warn.mockRestore();
  });
});
