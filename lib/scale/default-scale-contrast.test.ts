import { describe, expect, it } from "vitest";
import { contrastRatio, DEFAULT_SCALE, HIGHLIGHT_TEXT_COLOR, UNRATED_COLOR } from "./default-scale";

// The reader page draws #111827 text over verdict highlights and chips: WCAG AA needs 4.5:1.
describe("default verdict colours", () => {
  it.each([...DEFAULT_SCALE.verdicts.map((v) => [v.label, v.color] as const), ["Not rated", UNRATED_COLOR] as const])(
    "%s (%s) reaches AA contrast with the highlight text colour",
    (_label, color) => {
      expect(HIGHLIGHT_TEXT_COLOR).toBe("#111827");
      expect(contrastRatio(color, HIGHLIGHT_TEXT_COLOR)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("contrastRatio is the WCAG formula", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
