import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { cleanBlocks } from "./clean-blocks";
import { docOf } from "./doc-utils";
import { htmlToBlocks } from "./html-to-doc";
import { importHtml } from "./import-html";
import { importText } from "./import-text";
import { benchmarkAvailable, loadBenchmarkPages } from "./benchmark/dev-pages";
import { scorePage, summarize } from "./benchmark/extraction-score";

const STORY = [
  "The city council voted on Tuesday to raise the budget for schools by four percent next year, officials said.",
  "Opponents argued that the increase would force cuts to road maintenance, while supporters pointed to rising enrolment.",
  "The measure now goes to the mayor, who has ten days to sign or veto it under the city charter rules.",
];

function page(before: string, after = "", middle = ""): string {
  return `<!doctype html><html lang="en"><head><title>Council raises school budget</title></head><body><article><h1>Council raises school budget</h1>${before}<p>${STORY[0]}</p>${middle}<p>${STORY[1]}</p><p>${STORY[2]}</p>${after}</article></body></html>`;
}

function run(html: string) {
  const result = importHtml(html, { mode: "page" });
  return { text: canonicalText(result.document), removed: result.removedBlocks, result };
}

describe("page furniture rules", () => {
  it("drops date and label lines before the story and lists them", () => {
    const { text, removed } = run(page("<p>Updated 3:27 am PST, Wednesday, November 20, 2019</p><p>Sign In</p>"));
    expect(text).not.toMatch(/Updated|Sign In/);
    expect(removed.map((r) => r.text)).toEqual(expect.arrayContaining(["Updated 3:27 am PST, Wednesday, November 20, 2019", "Sign In"]));
    expect(text).toContain(STORY[0]);
  });

  it("drops photo credits and caption furniture inside the story", () => {
    const { text, removed } = run(page("", "", "<p>Image copyright Getty Images</p><p>FILE PHOTO: Traders work on the floor. REUTERS/Brendan McDermid</p>"));
    expect(text).not.toMatch(/Getty|REUTERS/);
    expect(removed.filter((r) => r.reason === "Photo caption or credit")).toHaveLength(2);
  });

  it("drops newsletter prompts, follow bars, comment counters and print lines", () => {
    const { text } = run(page("", "<p>Follow Newsbeat on Instagram, Facebook and Twitter.</p><p>12 comments</p><p>Print Article</p>", "<p>Click here to subscribe to The Paradigm Newsletter</p>"));
    expect(text).not.toMatch(/Follow Newsbeat|12 comments|Print Article|Paradigm Newsletter/);
  });

  it("drops link-only lines and related-story lists after the story", () => {
    const links = ["Tarzan actor's wife killed", "Iowa man finds blood in basement", "Airline went into records"].map((t, i) => `<li><a href="https://example.com/s${i}">${t}</a></li>`).join("");
    const blocks = htmlToBlocks(`${STORY.map((p) => `<p>${p}</p>`).join("")}<ul>${links}</ul><p><a href="https://example.com/x">Esper accuses China of intimidating nations</a></p>`);
    const { blocks: kept, removed } = cleanBlocks(blocks, { title: "first-heading" });
    expect(canonicalText(docOf(kept))).not.toMatch(/Tarzan|Esper/);
    expect(removed.map((r) => r.reason)).toEqual(["List of links (related stories or navigation)", "Link-only line (related story or navigation)"]);
  });

  it("lists the caption of an image it could not keep instead of leaving it in the body", () => {
    const { text, removed } = run(page("", "", '<figure><img data-src="lazy.jpg"><figcaption>The mayor at the vote on Tuesday</figcaption></figure>'));
    expect(text).not.toContain("The mayor at the vote");
    expect(removed).toContainEqual(expect.objectContaining({ text: "The mayor at the vote on Tuesday", reason: "Caption of an image that was not kept" }));
  });

  it("drops a list made only of furniture and a second copy of the headline above the story", () => {
    const { text, removed } = run(page("<ul><li>SUBSCRIBE</li><li>Sign In</li></ul><h2>Council raises the school budget</h2>"));
    expect(text).not.toMatch(/SUBSCRIBE|Sign In|Council raises/);
    expect(removed.map((r) => r.reason)).toEqual(expect.arrayContaining(["List of page furniture (labels, credits or links)", "Repeats the title"]));
  });

  it("drops an author bio box after the story", () => {
    const { text } = run(page("", "<p>Phil Helsel</p><p>Phil Helsel is a reporter for NBC News.</p>"));
    expect(text).not.toMatch(/Helsel/);
  });

  it("drops unrendered shortcodes, promotions of other stories, subscription offers and community prompts", () => {
    const shortcode = `[button link="https://example.org/submit" type="big"] Send us YOUR review[/button]`;
    const promo = "DON'T MISS<br>Plague warning: eight deadly diseases [WARNING]<br>Holidaymakers die after eating marmot [INSIGHT]";
    const offer = "Get the magazine delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.";
    const community = "Join our Space Forums to keep talking space on the latest missions! And if you have a news tip, correction or comment, let us know.";
    const { text, removed } = run(page("", `<p>${offer}</p><p>${community}</p>`, `<p>${shortcode}</p><p>${promo}</p>`));
    for (const gone of ["Send us YOUR review", "DON'T MISS", "marmot", "letterbox", "Space Forums"]) expect(text).not.toContain(gone);
    expect(removed.map((r) => r.reason)).toEqual(expect.arrayContaining(["Unrendered shortcode (widget text)", "Promotion of other stories"]));
    for (const line of STORY) expect(text).toContain(line);
  });

  it("keeps lists, questions and quotes that belong to the story", () => {
    const html = page("", "", "<h2>WHO IS THE FRONT-RUNNER?</h2><ul><li>Schools get four percent more</li><li>Roads get two percent less</li></ul><blockquote><p>“We had no choice,” the mayor said at the meeting.</p></blockquote>");
    const { text } = run(html);
    expect(text).toContain("WHO IS THE FRONT-RUNNER?");
    expect(text).toContain("Schools get four percent more");
    expect(text).toContain("We had no choice");
  });

  it("restores a removed block when asked", () => {
    const html = page("<p>Sign In</p>");
    const first = importHtml(html, { mode: "page" });
    const signIn = first.removedBlocks.find((r) => r.text === "Sign In")!;
    const again = importHtml(html, { mode: "page", restore: [signIn.index] });
    expect(canonicalText(again.document)).toContain("Sign In");
    expect(again.removedBlocks.some((r) => r.text === "Sign In")).toBe(false);
  });

  it("applies only the phrase rules to a fragment (the editor's own text)", () => {
    const { result } = { result: importHtml(`<p>${STORY[0]}</p><p>Short label</p><p>${STORY[1]}</p><p>Advert</p>`, { mode: "fragment" }) };
    const text = canonicalText(result.document);
    expect(text).toContain("Short label");
    expect(text).not.toContain("Advert");
  });
});

// A correctness floor over the benchmark's development half (the targets are measured by
// bench/extraction.bench.ts): catches a rule that starts eating story text or stops cleaning.
describe.runIf(benchmarkAvailable())("extraction benchmark floor", () => {
  it("keeps F1, precision and recall above the floor on 70 pages", () => {
    const scores = loadBenchmarkPages().map((p) => {
      let text = "";
      try {
        text = canonicalText(importHtml(p.html, { mode: "page", sourceUrl: p.url, maxBytes: 50_000_000 }).document);
      } catch {
        /* scored as empty */
      }
      return scorePage(p.expected, text);
    });
    const s = summarize(scores);
    expect(s.recall).toBeGreaterThanOrEqual(0.975);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.f1).toBeGreaterThanOrEqual(0.981);
  }, 60_000);
});

describe("metadata", () => {
  it("reads authors, publisher and date from JSON-LD, the canonical URL from the head", () => {
    const ld = JSON.stringify({ "@type": "NewsArticle", datePublished: "2019-11-19T10:02:00Z", author: [{ name: "Jane Doe" }, { name: "John Roe" }], publisher: { name: "Bench Times" } });
    const html = page("").replace("<title>", `<link rel="canonical" href="https://news.example/a/1"><script type="application/ld+json">${ld}</script><title>`);
    const m = importHtml(html, { mode: "page" }).metadata;
    expect(m.authors).toEqual(["Jane Doe", "John Roe"]);
    expect(m.publishedAt).toBe("2019-11-19T10:02:00.000Z");
    expect(m.canonicalUrl).toBe("https://news.example/a/1");
  });

  it("falls back to a date in the address and splits a byline into authors", () => {
    const m = importHtml(page("<p>By Jane Doe and John Roe</p>"), { mode: "page", sourceUrl: "https://news.example/2019/11/19/council-budget" }).metadata;
    expect(m.publishedAt).toBe("2019-11-19T00:00:00.000Z");
    expect(m.authors).toEqual(["Jane Doe", "John Roe"]);
  });

  it("takes the date of a pasted text's dateline", () => {
    const r = importText(`Council raises school budget\nBy Jane Doe\nPublished 10:02 AM EST Nov 19, 2019\n\n${STORY.join("\n\n")}`);
    expect(r.metadata.title).toBe("Council raises school budget");
    expect(r.metadata.byline).toBe("Jane Doe");
    expect(r.metadata.publishedAt).toBe("2019-11-19T00:00:00.000Z");
    expect(canonicalText(r.document)).not.toMatch(/Published|Jane Doe/);
    expect(r.removedBlocks.map((b) => b.text)).toContain("Published 10:02 AM EST Nov 19, 2019");
  });
});
