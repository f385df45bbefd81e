import { describe, expect, it } from "vitest";
import { layoutDocument } from "@/lib/document/canonical-text";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { DocNode } from "@/lib/document/types";
import { renderedBodies } from "@/lib/document/rendered-bodies";
import { renderArticleBody } from "./article-body";

const doc = (words: string): DocNode => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: words }] },
    { type: "figure", attrs: { src: "https://example.com/a.png", caption: "A figure" } },
    { type: "paragraph", content: [{ type: "text", text: "After the figure.", marks: [{ type: "bold" }] }] },
  ],
} as DocNode);

describe("renderArticleBody (memo of the article page's body)", () => {
  it("answers what a fresh render gives, the first time and from the memo", () => {
    const d = doc("The minister said 40% of the budget went to schools.");
    const fresh = { html: renderDocumentHtml(d), figureOffsets: layoutDocument(d).figureOffsets };
    expect(fresh.figureOffsets.length).toBe(1);
    const first = renderArticleBody(JSON.stringify(d));
    expect(first).toMatchObject(fresh);
    expect(renderArticleBody(JSON.stringify(d))).toEqual(first);
    // The page's server rendering finds it by key (the body is not sent in the RSC payload).
    expect(renderedBodies().get(first.key)).toEqual(fresh);
  });

  it("renders a changed document anew (the memo is keyed by the document itself)", () => {
    const before = renderArticleBody(JSON.stringify(doc("Unemployment fell to 4%.")));
    const after = renderArticleBody(JSON.stringify(doc("Unemployment fell to 5%.")));
    expect(before.html).toContain("4%");
    expect(after.html).toContain("5%");
    expect(after.html).not.toContain("4%");
    expect(after.key).not.toBe(before.key);
  });

  it("keeps working past its size bound", () => {
    for (let i = 0; i < 40; i++) expect(renderArticleBody(JSON.stringify(doc(`Claim number ${i}.`))).html).toContain(`Claim number ${i}.`);
    expect(renderArticleBody(JSON.stringify(doc("Claim number 0."))).html).toContain("Claim number 0.");
  });
});
