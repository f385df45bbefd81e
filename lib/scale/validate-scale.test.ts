import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE } from "@/lib/scale/default-scale";
import { assertValidScale, checkVerdictContrast, scaleProblems, slugifyVerdictKey, uniqueKey } from "./validate-scale";

const verdict = (label: string, color: string, ratingValue: number | null = 3, archived = false) => ({ label, color, ratingValue, archived });

describe("rating scale checks", () => {
  it("the default scale is valid", () => {
    expect(scaleProblems({ ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map((v) => ({ ...v, archived: false })) })).toEqual([]);
  });

  it("measures contrast against the highlight text colour (#111827)", () => {
    expect(checkVerdictContrast("#ffffff")).toEqual({ ratio: 17.74, passes: true });
    expect(checkVerdictContrast("#111827")).toEqual({ ratio: 1, passes: false });
    // #6b7280 (gray-500) sits just below AA with #111827 text.
    expect(checkVerdictContrast("#6b7280").passes).toBe(false);
    expect(checkVerdictContrast("#9ca3af").passes).toBe(true);
  });

  it("names each problem with what to change", () => {
    const problems = scaleProblems({
      bestRating: 1,
      worstRating: 5,
      verdicts: [verdict("True", "#1d4ed8"), verdict("true", "#ffffff"), verdict("Odd", "#ffffff", 9, true)],
    });
    expect(problems).toEqual([
      "The worst rating (5) must be lower than the best rating (1).",
      expect.stringMatching(/^“True”: text on #1d4ed8 has a contrast of \d\.\d\d:1; WCAG AA needs at least 4\.5:1\. Choose a lighter colour\.$/),
      "Two verdicts are labelled “true”. Give each verdict a different label.",
    ]);
    expect(scaleProblems({ bestRating: 5, worstRating: 1, verdicts: [verdict("A", "#ffffff", 7)] })).toEqual([
      "“A”: rating value 7 is outside the scale 1–5. Use a value in that range or leave it empty.",
    ]);
    expect(scaleProblems({ bestRating: 5, worstRating: 1, verdicts: [verdict("A", "#ffffff", null, true)] })).toEqual([
      "Keep at least one verdict that is not archived, or claims cannot be rated.",
    ]);
    expect(() => assertValidScale({ bestRating: 5, worstRating: 1, verdicts: [verdict("A", "#000000")] })).toThrow(/Choose a lighter colour/);
  });

  it("derives stable keys from labels and avoids taken ones", () => {
    expect(slugifyVerdictKey("Mostly false")).toBe("mostly-false");
    expect(slugifyVerdictKey("  Pants on Fire! ")).toBe("pants-on-fire");
    expect(slugifyVerdictKey("Vrai à moitié")).toBe("vrai-a-moitie");
    expect(slugifyVerdictKey("???")).toBe("verdict");
    expect(slugifyVerdictKey("x".repeat(100))).toHaveLength(60);
    expect(uniqueKey("false", new Set(["true"]))).toBe("false");
    expect(uniqueKey("false", new Set(["false", "false-2"]))).toBe("false-3");
  });
});
