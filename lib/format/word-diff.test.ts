import { describe, expect, it } from "vitest";
import { diffWords, markedWordDiff, parseMarkedDiff, plainWordDiff } from "./word-diff";

describe("word diff", () => {
  it("marks removed and added words, removals first", () => {
    expect(diffWords("The war has been running low", "The war has been running at a lower intensity")).toEqual([
      { kind: "same", text: "The war has been running" },
      { kind: "removed", text: "low" },
      { kind: "added", text: "at a lower intensity" },
    ]);
    expect(markedWordDiff("Russia annexed Crimea in 2014.", "Russia annexed Crimea from Ukraine in March 2014.")).toBe(
      "Russia annexed Crimea {+from Ukraine+} in {+March+} 2014.",
    );
  });

  it("keeps two statements with the same start apart (no common-prefix truncation)", () => {
    const a = "It can set off fires in homes across the whole of the northern region and beyond this winter";
    const b = "It can set off fires in homes across the whole of the northern region and beyond next winter";
    expect(markedWordDiff(a, b)).toBe("… the northern region and beyond {-this-} {+next+} winter");
  });

  it("parses its markers back and reads in plain words", () => {
    const marked = markedWordDiff("a b c", "a x c");
    expect(parseMarkedDiff(`Claim 'a x c': statement ${marked}`)).toEqual([
      { kind: "same", text: "Claim 'a x c': statement a " },
      { kind: "removed", text: "b" },
      { kind: "same", text: " " },
      { kind: "added", text: "x" },
      { kind: "same", text: " c" },
    ]);
    expect(plainWordDiff(marked)).toBe("a [removed: b] [added: x] c");
    expect(parseMarkedDiff("no markers")).toEqual([{ kind: "same", text: "no markers" }]);
  });
});
