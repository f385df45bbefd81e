import { describe, expect, it } from "vitest";
import { pickClaim } from "./pick-claim";

const ranges = new Map([
  ["long", { start: 0, end: 100 }],
  ["mid", { start: 10, end: 40 }],
  ["short", { start: 20, end: 25 }],
]);

describe("pickClaim", () => {
  it("picks the shortest covering claim first", () => {
    expect(pickClaim(["long", "mid", "short"], ranges, null)).toBe("short");
    expect(pickClaim(["long", "mid"], ranges, undefined)).toBe("mid");
  });

  it("cycles through overlapping claims on repeated clicks", () => {
    const ids = ["long", "short", "mid"];
    expect(pickClaim(ids, ranges, "short")).toBe("mid");
    expect(pickClaim(ids, ranges, "mid")).toBe("long");
    expect(pickClaim(ids, ranges, "long")).toBe("short");
  });

  it("starts from the shortest when the selected claim is elsewhere, and ignores unknown ids", () => {
    expect(pickClaim(["long", "mid"], ranges, "short")).toBe("mid");
    expect(pickClaim(["gone", "long"], ranges, null)).toBe("long");
    expect(pickClaim(["gone"], ranges, null)).toBeNull();
  });
});
