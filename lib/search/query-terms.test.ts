import { describe, expect, it } from "vitest";
import { fts5Match, highlightSegments, parseSearchQuery, tsqueryText, HIT_END, HIT_START } from "./query-terms";

describe("parseSearchQuery", () => {
  it("keeps only words, so syntax characters never reach the database", () => {
    const q = parseSearchQuery(`"Crimea* -annexed OR (NEAR 2014`);
    expect(q.terms).toEqual(["crimea", "annexed", "or", "near", "2014"]);
    expect(fts5Match(q.terms)).toBe(`"crimea" "annexed" "or" "near" "2014"*`);
    expect(tsqueryText(q.terms, "any", false)).toBe(`'crimea' | 'annexed' | 'or' | 'near' | '2014'`);
  });
  it("shortens a 1,000-character query with a note", () => {
    const q = parseSearchQuery("inflation ".repeat(100));
    expect(q.text.length).toBeLessThanOrEqual(200);
    expect(q.note).toMatch(/shortened/);
    expect(q.terms).toEqual(["inflation"]);
  });
  it("explains a query of punctuation only", () => {
    expect(parseSearchQuery("  ***  ").note).toMatch(/letters or numbers/);
    expect(parseSearchQuery("").note).toBeNull();
  });
});

describe("highlightSegments", () => {
  it("turns marks into segments and drops HTML", () => {
    const s = highlightSegments(`…checked <strong>${HIT_START}Crimea${HIT_END}</strong> &amp; <scr`);
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(["Crimea"]);
    expect(s.map((x) => x.text).join("")).not.toMatch(/[<>]/);
    expect(s.map((x) => x.text).join("")).toContain("&");
  });
});
