// @vitest-environment jsdom
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { reanchorClaims } from "@/lib/anchoring";
import { canonicalText } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { articleExtensions } from "./index";
import { TrackedClaims, trackedClaimSpans } from "./tracked-claims";

const doc: DocNode = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "said Angela Stant, a Brookings fellow." }] },
    { type: "paragraph", content: [{ type: "text", text: "The war has been running low." }] },
  ],
};
const TEXT = canonicalText(doc);
const span = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe("TrackedClaims", () => {
  it("maps claims through typing: a fixed typo keeps the name's claim on the corrected words, later claims move", () => {
    const claims = [
      { id: "name", ...span("Angela Stant") },
      { id: "war", ...span("The war has been running low") },
    ];
    editor = new Editor({ element: document.createElement("div"), extensions: [...articleExtensions(), TrackedClaims.configure({ claims })], content: doc });
    const from = editor.state.doc.textContent.indexOf("Stant") + 1; // first paragraph starts at pos 1
    // Replace "a" in "Stant" with "e", and insert a word in front.
    editor.chain().insertContentAt({ from: from + 2, to: from + 3 }, "e").insertContentAt(1, "Today ").run();
    const newText = canonicalText(editor.getJSON() as DocNode);
    expect(newText).toContain("said Angela Stent");
    const spans = trackedClaimSpans(editor.state);
    const byId = new Map(spans.map((s) => [s.claimId, s]));
    expect(newText.slice(byId.get("name")!.start, byId.get("name")!.end)).toBe("Angela Stent");
    expect(newText.slice(byId.get("war")!.start, byId.get("war")!.end)).toBe("The war has been running low");
    expect(editor.view.dom.querySelectorAll(".fm-tracked-claim").length).toBeGreaterThanOrEqual(2);

    // The proposal goes through the same verification: the edited name is CHANGED, the other MOVED.
    const { results } = reanchorClaims(TEXT, newText, claims.map((c) => ({ ...c, exact: TEXT.slice(c.start, c.end) })), {
      proposed: new Map(spans.map((s) => [s.claimId, s])),
    });
    expect(results.map((r) => r.state)).toEqual(["CHANGED", "MOVED"]);
  });
});
