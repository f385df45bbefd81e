import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { openingBylineName } from "./boilerplate";
import { importHtml } from "./import-html";
import { importText, splitParagraphs, wrapWidth } from "./import-text";

// A story copied from a web page (headline to last paragraph) and pasted as plain text must come
// in as clean as the HTML import of the same page: title, byline and date found, the page
// furniture between them listed as removed, and the same words kept.

const COPIED = path.join(__dirname, "fixtures/copied");
const PAGES = path.resolve(__dirname, "../../../shared/fixtures/articles/html");

const cases = [
  { name: "guardian-1", title: "'What is the sea telling us?': Māori tribes fearful over whale strandings", byline: "Eleanor Ainge Roy and Adrian Malloch", date: "2019-01-03", removed: ["Share on Facebook"] },
  { name: "nytimes-1", title: "United States to Lift Sudan Sanctions", byline: "Jeffrey Gettleman", date: "2017-01-13", removed: ["Continue reading the main story", "A version of this article appears in print"] },
  { name: "wapo-1", title: "Attack stokes instability fears in North Africa", byline: "Erin Cunningham", date: null, removed: ["Share on Twitter", "Full Screen", "Skip Ad"] },
  { name: "ars-1", title: "Just-released Minecraft exploit makes it easy to crash game servers", byline: "Dan Goodin", date: "2015-04-16", removed: ["Share this story", "reader comments"] },
  { name: "bbc-1", title: "Obama admits US gun laws are his 'biggest frustration'", byline: null, date: "2015-07-24", removed: ["941 comments", "Media caption"] },
];

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
function overlap(kept: string[], reference: string[]): { precision: number; recall: number } {
  const counts = new Map<string, number>();
  for (const w of reference) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of kept) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return { precision: common / kept.length, recall: common / reference.length };
}

describe.each(cases)("$name copied from the page and pasted as plain text", ({ name, title, byline, date, removed }) => {
  const text = readFileSync(path.join(COPIED, `${name}.txt`), "utf8");
  const result = importText(text);

  it("finds the title, the byline and the date, and lists the page furniture it removed", () => {
    expect(result.metadata.title).toBe(title);
    expect(result.metadata.byline).toBe(byline);
    expect(result.metadata.publishedAt?.slice(0, 10) ?? null).toBe(date);
    for (const line of removed) expect(result.removedBlocks.some((r) => r.text.includes(line)), line).toBe(true);
    expect(canonicalText(result.document)).not.toContain(title);
  });

  it("keeps the same words as the HTML import of the page", () => {
    const html = importHtml(readFileSync(path.join(PAGES, name, "source.html"), "utf8"), { mode: "page" });
    const { precision, recall } = overlap(words(canonicalText(result.document)), words(canonicalText(html.document)));
    expect(recall).toBeGreaterThanOrEqual(0.99);
    expect(precision).toBeGreaterThanOrEqual(0.94);
  });
});

describe("wrapWidth and line joining", () => {
  it("finds the column of hard-wrapped text and joins its lines", () => {
    const para = "The council said on Tuesday that its budget would rise by four percent next year while officials denied any plan to cut spending on schools.";
    const wrapped = para.replace(/(.{1,68})(\s|$)/g, "$1\n").trim();
    expect(wrapWidth(wrapped.split("\n"))).toBeLessThanOrEqual(68);
    expect(splitParagraphs(`${wrapped}\n\n${wrapped}`)).toEqual([para, para]);
  });

  it("never joins the lines of text copied from a page, however long", () => {
    const copied = "'What is the sea telling us?': Māori tribes fearful over whale strandings\n Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian\n" + "A long paragraph of the story goes on and on. ".repeat(12);
    expect(wrapWidth(copied.split("\n"))).toBeNull();
    expect(splitParagraphs(copied)).toHaveLength(3);
  });
});

describe("openingBylineName", () => {
  it.each([
    ["by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)", "Eleanor Ainge Roy and Adrian Malloch"],
    ["By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham", "Erin Cunningham"],
    ["By JEFFREY GETTLEMAN JAN. 13, 2017", "Jeffrey Gettleman"],
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"],
    ["By Jane Doe and John Roe", "Jane Doe and John Roe"],
    ["Moscow - The talks continue on Friday 2026", null],
    ["By the way, this is a sentence.", null],
  ])("%s → %s", (line, name) => {
    expect(openingBylineName(line)).toBe(name);
  });
});
