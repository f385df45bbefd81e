import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseEqual, diffSegments } from "./diff-segments";

const rebuild = (segs: { op: string; text: string }[], keep: "old" | "new") =>
  segs.filter((s) => s.op === "equal" || s.op === (keep === "old" ? "delete" : "insert")).map((s) => s.text).join("");

describe("diffSegments", () => {
  it("shows a corrected name as one word deleted and one inserted", () => {
    const segs = diffSegments("said Angela Stant, a scholar.", "said Angela Stent, a scholar.");
    expect(segs).toEqual([
      { op: "equal", text: "said Angela " },
      { op: "delete", text: "Stant" },
      { op: "insert", text: "Stent" },
      { op: "equal", text: ", a scholar." },
    ]);
  });

  it("identical texts are one equal segment", () => {
    expect(diffSegments("same text", "same text")).toEqual([{ op: "equal", text: "same text" }]);
  });

  it("always rebuilds both texts", () => {
    const words = fc.constantFrom("the", "a", "Putin", "said", ",", ".", " ", "\n\n", "war", "Stent");
    const text = fc.array(words, { maxLength: 60 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const segs = diffSegments(a, b);
        expect(rebuild(segs, "old")).toBe(a);
        expect(rebuild(segs, "new")).toBe(b);
      }),
      { numRuns: 200 },
    );
  });

  it("collapses long unchanged stretches but keeps changes", () => {
    const long = "x".repeat(500);
    const segs = collapseEqual(diffSegments(`${long} old ${long}`, `${long} new ${long}`), 10);
    expect(segs[0]).toMatchObject({ op: "equal", collapsed: true });
    expect(segs.find((s) => s.op === "insert")?.text.trim()).toBe("new");
    expect(segs[0].text.length).toBeLessThan(30);
  });
});
