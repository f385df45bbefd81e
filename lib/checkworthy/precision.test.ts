import { describe, expect, it } from "vitest";
import labels from "./fixtures/labels.json";
import { precisionAtK } from "./precision";

// The figures themselves are printed by bench/checkworthy.bench.ts; this guards against a regression.
describe("check-worthy hints against the hand labels", () => {
  it("labels every sentence the splitter finds and keeps mean precision at 5 and 10 above the floor", () => {
    const rows = precisionAtK();
    expect(rows.map((r) => r.id)).toEqual(labels.articles.map((a) => a.id));
    for (const r of rows) expect(r.unlabelled).toBe(0);
    const mean = (k: "at5" | "at10") => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    expect(mean("at5")).toBeGreaterThanOrEqual(0.8);
    expect(mean("at10")).toBeGreaterThanOrEqual(0.8);
  });
});
