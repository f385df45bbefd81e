import { describe, expect, it } from "vitest";
import type { BlockNode } from "@/lib/document/types";
import { OUTSIDE_ARTICLE_REASON } from "./clean-blocks";
import { blockText } from "./doc-utils";
import { importHtml } from "./import-html";
import { blocksOutsideArticle, withOutsideRuns } from "./outside-article";

const p = (text: string): BlockNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const texts = (blocks: BlockNode[]) => blocks.map(blockText);

describe("blocksOutsideArticle", () => {
  const article = [p("First paragraph of the story."), p("Second paragraph of the story.")];

  it("finds page text missing from the article, in runs placed after the block that preceded them", () => {
    const page = [p("Menu"), p("Sections"), p("Title"), p("First paragraph of the story."), p("Share on Facebook"), p("Second paragraph of the story."), p("© 2026 Daily")];
    const runs = blocksOutsideArticle(page, article, ["Title"]);
    expect(runs.map((r) => [r.after, texts(r.blocks)])).toEqual([
      [-1, ["Menu", "Sections"]],
      [0, ["Share on Facebook"]],
      [1, ["© 2026 Daily"]],
    ]);
    const merged = withOutsideRuns(article, runs);
    expect(texts(merged.blocks)).toEqual(["Menu", "Sections", "First paragraph of the story.", "Share on Facebook", "Second paragraph of the story.", "© 2026 Daily"]);
    expect(merged.blocks.map((b) => merged.runOf.get(b))).toEqual([0, 0, undefined, 3, undefined, 5]);
  });

  it("counts text the article holds inside a larger block, ignoring case and spacing, as kept", () => {
    const page = [p("first   PARAGRAPH of the story."), p("of the story. Second paragraph")];
    expect(blocksOutsideArticle(page, article, [])).toEqual([]);
  });
});

const filler = (n: number) => `Paragraph ${n} of the report explains in plain words what the council decided on Tuesday, who voted for it and what it will cost the city over the next five years.`;
const page = `<!doctype html><html lang="en"><head><title>Council approves the budget</title></head><body>
<div class="masthead"><p>The Daily Example</p><p>Subscribe for €1 a week</p></div>
<article><h1>Council approves the budget</h1>${[1, 2, 3, 4, 5].map((n) => `<p>${filler(n)}</p>`).join("")}</article>
<div class="site-footer"><p>Registered office: 1 Example Street, Exampletown. Company number 0123456.</p></div>
</body></html>`;

describe("importHtml lists what the extractor left out", () => {
  it("lists the page text outside the article with its reason, and restores a run in its place", () => {
    const result = importHtml(page, { mode: "page" });
    const body = texts(result.document.content as BlockNode[]).join("\n");
    expect(body).toContain(filler(5));
    expect(body).not.toContain("Registered office");
    const footer = result.removedBlocks.find((r) => r.text.includes("Registered office"));
    expect(footer?.reason).toBe(OUTSIDE_ARTICLE_REASON);
    expect(result.removedBlocks.some((r) => r.text.includes("Subscribe for €1 a week"))).toBe(true);

    const restored = importHtml(page, { mode: "page", restore: [footer!.index] });
    const after = texts(restored.document.content as BlockNode[]);
    expect(after.at(-1)).toContain("Registered office");
    expect(after.filter((t) => t === filler(5))).toHaveLength(1);
    expect(restored.removedBlocks.some((r) => r.text.includes("Registered office"))).toBe(false);
  });
});
