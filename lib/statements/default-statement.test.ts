import { describe, expect, it } from "vitest";
import { cleanStatement, defaultStatement, fragmentReason } from "./default-statement";

const TEXT =
  "Officials met on Monday. And it can set off fires in homes across the region, the report said. Mr. Smith disagreed.\n\nBut the war between Kiev and Russian-backed separatists has been running low; talks resume in May.";

function around(fragment: string): string {
  const start = TEXT.indexOf(fragment);
  return defaultStatement(TEXT, start, start + fragment.length);
}

describe("defaultStatement", () => {
  it("is the whole sentence holding the selection, without the leading conjunction or the final full stop", () => {
    expect(around("it can set off fires")).toBe("It can set off fires in homes across the region, the report said");
    expect(around("Smith")).toBe("Mr. Smith disagreed");
    expect(around("running low")).toBe("The war between Kiev and Russian-backed separatists has been running low; talks resume in May");
  });

  it("spans every sentence a selection crosses and keeps the words of an overly long sentence", () => {
    expect(around("Monday. And it can")).toBe("Officials met on Monday. And it can set off fires in homes across the region, the report said");
    const long = `${"word ".repeat(120)}claim here ${"word ".repeat(20)}end.`;
    const at = long.indexOf("claim here");
    expect(defaultStatement(long, at, at + "claim here".length)).toBe("Claim here");
  });

  it("cleans quotes and punctuation", () => {
    expect(cleanStatement("  because “prices doubled,” ")).toBe("Prices doubled");
    expect(cleanStatement("“Prices doubled,” he said.")).toBe("“Prices doubled,” he said");
  });
});

describe("fragmentReason", () => {
  it("flags few words, a lowercase start and a dangling end; passes a sentence", () => {
    expect(fragmentReason("fires in homes")).toMatch(/few words/);
    expect(fragmentReason("it can set off fires in homes")).toMatch(/starts mid-sentence/);
    expect(fragmentReason("It can set off fires in the")).toMatch(/stops mid-sentence/);
    expect(fragmentReason("It can set off fires in homes across the region.")).toBeNull();
  });
});
