import { describe, expect, it } from "vitest";
import { foldWord, similarity, weightedTerms } from "./similarity";

describe("weightedTerms", () => {
  it("weighs numbers and names above ordinary words and drops function words", () => {
    const terms = weightedTerms("In 2014 Russia annexed the Crimean peninsula, officials said.");
    const w = Object.fromEntries(terms.map((t) => [t.term, t.weight]));
    expect(w["2014"]).toBe(3);
    expect(w[foldWord("Russia")]).toBe(2.5);
    expect(w["the"]).toBeUndefined();
    expect(w[foldWord("annexed")]).toBeLessThan(w[foldWord("Russia")]!);
  });
});

describe("similarity", () => {
  const q = weightedTerms("Russia annexed Crimea from Ukraine in 2014");
  it("scores an exact statement 1 and a rewording high", () => {
    expect(similarity(q, "Russia annexed Crimea from Ukraine in 2014")).toBeCloseTo(1);
    expect(similarity(q, "In 2014, Crimea was annexed by Russia")).toBeGreaterThan(0.6);
  });
  it("ranks a rewording with the same numbers and names above one with other numbers or only common words", () => {
    const reworded = similarity(q, "Crimea was taken over by Russia from Ukraine in 2014");
    const otherYear = similarity(q, "Russia annexed Crimea from Ukraine in 1954");
    const unrelated = similarity(q, "Inflation in Ukraine is at a 40-year high");
    expect(reworded).toBeGreaterThan(otherYear);
    expect(otherYear).toBeGreaterThan(unrelated);
  });
  it("is 0 for nothing in common or an empty query", () => {
    expect(similarity(q, "Unemployment fell in March")).toBe(0);
    expect(similarity([], "anything")).toBe(0);
  });
});
