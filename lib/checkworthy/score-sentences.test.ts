import { describe, expect, it } from "vitest";
import { checkWorthySentences, scoreSentence, splitSentences } from "./score-sentences";

describe("splitSentences", () => {
  it("keeps abbreviations and initials inside a sentence and gives exact offsets", () => {
    const text = "Mr. Putin met Joe R. Biden on Tuesday. They spoke for two hours.\n\nA new paragraph";
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(["Mr. Putin met Joe R. Biden on Tuesday.", "They spoke for two hours.", "A new paragraph"]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

describe("scoreSentence", () => {
  it("scores statistics, quantities and attribution above opinion and questions", () => {
    const stat = scoreSentence("Inflation rose to 9.1 percent in June, the highest level in 40 years, the Labor Department said.");
    const opinion = scoreSentence("I think we should all be a little kinder to each other.");
    const question = scoreSentence("Will Russia invade Ukraine again this winter?");
    expect(stat.score).toBeGreaterThan(0.6);
    expect(stat.reason).toBe("contains a statistic");
    expect(opinion.score).toBeLessThan(0.2);
    expect(question.score).toBeLessThan(stat.score / 2);
  });
  it("says who a statement is attributed to", () => {
    expect(scoreSentence("Moscow has massed 100,000 troops near the border, President Biden said on Tuesday.").reason).toMatch(/quantity|attributed/);
    const r = scoreSentence("Mr. Putin said that NATO had broken its promise not to expand eastward.");
    expect(r.reason).toBe("attributed to Mr. Putin");
  });
});

describe("checkWorthySentences", () => {
  it("returns the best sentences first with offsets into the text", () => {
    const text = "It was a grey morning. Russia annexed Crimea from Ukraine in 2014, officials said. The talks lasted 2 hours and cost $3 million.";
    const hints = checkWorthySentences(text, { limit: 2 });
    expect(hints).toHaveLength(2);
    expect(hints.map((h) => text.slice(h.start, h.end))).not.toContain("It was a grey morning.");
  });
});
