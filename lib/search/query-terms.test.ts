import { describe, expect, it } from "vitest";
import { fts5Match, highlightSegments, pairsQuery, parseSearchQuery, tsqueryText, HIT_END, HIT_START } from "./query-terms";

describe("parseSearchQuery", () => {
  it("keeps only words, so syntax characters never reach the database", () => {
    const q = parseSearchQuery(`"Crimea* -annexed OR (NEAR 2014`);
    expect(q.terms).toEqual(["crimea", "annexed", "near", "2014"]);
    expect(fts5Match(q.terms)).toBe(`"crimea" "annexed" "near" "2014"*`);
    expect(tsqueryText(q.terms, "any", false)).toBe(`'crimea' | 'annexed' | 'near' | '2014'`);
  });
  it("leaves out stop words, explains a query of stop words only, and makes a prefix of a last word of three letters or more", () => {
    expect(parseSearchQuery("The Crimea").terms).toEqual(["crimea"]);
    const common = parseSearchQuery("the OR and");
    expect(common.terms).toEqual([]);
    expect(common.note).toMatch(/too common/);
    expect(fts5Match(["crimea", "go"])).toBe(`"crimea" "go"`);
    expect(tsqueryText(["crimea", "gov"])).toBe(`'crimea' & 'gov':*`);
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
  it("asks for two shared words out of the first six, in either syntax", () => {
    expect(pairsQuery(["crimea"], "fts5")).toBe('"crimea"');
    expect(pairsQuery(["crimea", "2014", "russia"], "fts5")).toBe('("crimea" AND "2014") OR ("crimea" AND "russia") OR ("2014" AND "russia")');
    expect(pairsQuery(["crimea", "2014"], "tsquery")).toBe("('crimea' & '2014')");
    expect(pairsQuery(["a", "b", "c", "d", "e", "f", "g"], "tsquery").split(" | ")).toHaveLength(15);
  });
});
