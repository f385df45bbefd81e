import DiffMatchPatch from "diff-match-patch";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchoredDiff, coalesce, uniqueAnchors } from "./anchored-diff";

const side = (diffs: Array<[number, string]>, keep: number) => diffs.filter(([op]) => op === 0 || op === keep).map(([, t]) => t).join("");
const symbols = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "x", "y", "z"), maxLength: 40 });

describe("uniqueAnchors", () => {
  it("pairs symbols unique in both strings, in the same order, keeping the longest chain", () => {
    // "q" moved: the chain keeps the order most of the unique symbols agree on.
    expect(uniqueAnchors("qabcd", "abcqd")).toEqual([[1, 0], [2, 1], [3, 2], [4, 4]]);
    expect(uniqueAnchors("aab", "ab")).toEqual([[2, 1]]);
    expect(uniqueAnchors("", "ab")).toEqual([]);
  });

  it("property: anchors are equal unique symbols, strictly increasing on both sides", () => {
    fc.assert(
      fc.property(symbols, symbols, (a, b) => {
        const anchors = uniqueAnchors(a, b);
        for (let k = 0; k < anchors.length; k++) {
          const [i, j] = anchors[k];
          expect(a[i]).toBe(b[j]);
          expect(a.split(a[i]).length - 1).toBe(1);
          expect(b.split(b[j]).length - 1).toBe(1);
          if (k > 0) {
            expect(i).toBeGreaterThan(anchors[k - 1][0]);
            expect(j).toBeGreaterThan(anchors[k - 1][1]);
          }
        }
      }),
    );
  });
});

describe("anchoredDiff", () => {
  it("property: the pieces rebuild both strings, with no empty or repeated neighbouring kinds", () => {
    const dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = 0;
    fc.assert(
      fc.property(symbols, symbols, (a, b) => {
        const diffs = anchoredDiff(dmp, a, b);
        expect(side(diffs, -1)).toBe(a);
        expect(side(diffs, 1)).toBe(b);
        for (let k = 0; k < diffs.length; k++) {
          expect(diffs[k][1]).not.toBe("");
          if (k > 0) expect(diffs[k][0]).not.toBe(diffs[k - 1][0]);
        }
      }),
    );
  });

  it("coalesce joins neighbours and puts deletions before insertions", () => {
    expect(coalesce([[0, "a"], [0, "b"], [1, "x"], [-1, "c"], [1, "y"], [0, ""], [0, "d"]])).toEqual([[0, "ab"], [-1, "c"], [1, "xy"], [0, "d"]]);
  });
});
