import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSegments, claimsAt, diffClaims, lastAtOrBefore, overlapRanges, segmentAt, type SpanClaim } from "./segments";

const c = (id: string, start: number, end: number, group = "g"): SpanClaim => ({ id, start, end, group });

describe("buildSegments", () => {
  it("splits overlapping claims at every boundary and lists the covering claims in start order", () => {
    const segs = buildSegments([c("b", 5, 12), c("a", 0, 8), c("z", 20, 20)]);
    expect(segs).toEqual([
      { start: 0, end: 5, ids: ["a"] },
      { start: 5, end: 8, ids: ["a", "b"] },
      { start: 8, end: 12, ids: ["b"] },
    ]);
    expect(overlapRanges(segs)).toEqual([{ start: 5, end: 8 }]);
  });

  it("leaves gaps uncovered and finds claims by offset (end exclusive)", () => {
    const segs = buildSegments([c("a", 0, 3), c("b", 6, 9)]);
    expect(claimsAt(segs, 0)).toEqual(["a"]);
    expect(claimsAt(segs, 3)).toEqual([]);
    expect(claimsAt(segs, 8)).toEqual(["b"]);
    expect(claimsAt(segs, 9)).toEqual([]);
    expect(segmentAt(segs, -1)).toBe(-1);
  });

  it("agrees with a brute-force scan on random claim sets", () => {
    const claim = fc.tuple(fc.nat(200), fc.nat(40)).map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 60 }), fc.nat(260), (spans, offset) => {
        const claims = spans.map((s, i) => c(`c${String(i).padStart(2, "0")}`, s.start, s.end));
        const segs = buildSegments(claims);
        const expected = claims.filter((x) => x.start <= offset && offset < x.end).map((x) => x.id).sort();
        expect([...claimsAt(segs, offset)].sort()).toEqual(expected);
        for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBeGreaterThanOrEqual(segs[i - 1].end);
      }),
    );
  });
});

describe("diffClaims", () => {
  it("reports only what changed: new, moved, regrouped and gone claims", () => {
    const painted = new Map([c("same", 0, 4), c("moved", 5, 9), c("recoloured", 10, 12, "g"), c("gone", 1, 2)].map((x) => [x.id, x]));
    const diff = diffClaims(painted, [c("same", 0, 4), c("moved", 5, 10), c("recoloured", 10, 12, "h"), c("new", 3, 7)]);
    expect(diff.added.map((x) => x.id).sort()).toEqual(["moved", "new"]);
    expect(diff.removed.map((x) => x.id).sort()).toEqual(["gone", "moved"]);
    expect(diff.regrouped).toEqual([{ claim: c("recoloured", 10, 12, "h"), from: "g" }]);
    expect(diffClaims(painted, [...painted.values()])).toEqual({ added: [], removed: [], regrouped: [] });
  });
});

describe("lastAtOrBefore", () => {
  it("finds the text node holding an offset", () => {
    expect(lastAtOrBefore([0, 10, 25], 0)).toBe(0);
    expect(lastAtOrBefore([0, 10, 25], 24)).toBe(1);
    expect(lastAtOrBefore([0, 10, 25], 99)).toBe(2);
    expect(lastAtOrBefore([5], 2)).toBe(-1);
  });
});
