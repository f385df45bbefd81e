import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import { BIO_REASON, SITE_LINKS_REASON, siteOf, TAGS_REASON, TEASERS_REASON } from "./furniture-runs";
import { cleanBlocks } from "./clean-blocks";
import { docOf } from "./doc-utils";
import { htmlToBlocks } from "./html-to-doc";
import { importHtml } from "./import-html";

// Snippets written for these tests (a made-up harbour story on a made-up site).
const URL = "https://www.harbour-gazette.example/news/2024/ferry-fares-rise";
const STORY = [
  "The harbour board agreed on Monday to raise ferry fares by six percent from April, the first rise in four years, after fuel and crew costs climbed sharply.",
  "Commuters who cross twice a day will pay about forty pounds more a year, the board's own figures show, while season tickets for pensioners stay frozen.",
  "Board members said the alternative was cutting the late-evening sailings, which carry fewer than thirty passengers on most nights of the week.",
  "The decision still needs the approval of the county transport committee, which meets next month and has overturned fare rises twice before.",
  "A petition against the rise has gathered more than two thousand signatures since it was started by a group of island residents in January.",
  "Ferry operators elsewhere on the coast have raised fares by between four and nine percent this year, according to a trade association survey.",
  "The board will publish the new fares on its website and at every terminal by the end of February.",
];
const p = (t: string) => `<p>${t}</p>`;

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Ferry fares to rise by six percent</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Ferry fares to rise by six percent</h1>${body}</article><footer>© Harbour Gazette</footer></body></html>`;
}

function run(body: string, restore?: number[]) {
  const result = importHtml(page(body), { mode: "page", sourceUrl: URL, restore });
  return { text: canonicalText(result.document), removed: result.removedBlocks, result };
}

/** The cleaning rules alone, over the blocks of a snippet (the extractor is not involved). */
function clean(body: string) {
  const result = cleanBlocks(htmlToBlocks(body, { baseUrl: URL }), { title: "first-heading", furniture: "page", pageUrl: URL });
  return { text: canonicalText(docOf(result.blocks)), removed: result.removed };
}

const siteLink = (path: string, title: string) => `<a href="https://www.harbour-gazette.example${path}">${title}</a>`;

describe("furniture over runs of blocks", () => {
  it("siteOf keeps the part of the host that names the site", () => {
    expect(siteOf("https://www.harbour-gazette.example/a")).toBe("harbour-gazette.example");
    expect(siteOf("https://news.bbc.co.uk/x")).toBe("bbc.co.uk");
    expect(siteOf("http://www.example.com.br/y")).toBe("example.com.br");
    expect(siteOf("not a url")).toBeNull();
  });

  it("removes a box of links to the site's other stories inside the story, lists it and restores it", () => {
    const box = `<ul>${[
      ["/news/2024/bridge-tolls", "Bridge tolls to be scrapped next spring"],
      ["/news/2024/lifeboat-crew", "Lifeboat crew honoured for winter rescue"],
      ["/sport/2024/regatta", "Regatta returns after three-year break"],
    ]
      .map(([href, t]) => `<li><a href="${href}"><h4>${t}</h4></a></li>`)
      .join("")}</ul>`;
    const { text, removed, result } = run(STORY.slice(0, 3).map(p).join("") + box + STORY.slice(3).map(p).join(""));
    expect(text).not.toContain("Bridge tolls");
    expect(text).not.toContain("Regatta returns");
    for (const line of STORY) expect(text).toContain(line);
    const entry = removed.find((r) => r.reason === SITE_LINKS_REASON);
    expect(entry?.text).toContain("Lifeboat crew honoured");
    const again = importHtml(page(STORY.slice(0, 3).map(p).join("") + box + STORY.slice(3).map(p).join("")), { mode: "page", sourceUrl: URL, restore: [entry!.index] });
    expect(canonicalText(again.document)).toContain("Lifeboat crew honoured for winter rescue");
    expect(result.removedBlocks.length).toBeGreaterThan(again.removedBlocks.length);
  });

  it("keeps a story's list of sources elsewhere, a list with text around its links, and two same-site links", () => {
    const sources = `<ul><li><a href="https://transport.gov.example/fares-report">Department report on coastal fares</a></li><li><a href="https://ferries.example.org/survey">Operators' association fare survey 2024</a></li><li><a href="https://islanders.example.net/petition">Residents' petition against the rise</a></li></ul>`;
    const mixed = `<ul><li>Fares: ${siteLink("/news/2024/fares-table", "the full table of new fares")} for every route</li><li>Timetable: ${siteLink("/news/2024/timetable", "the winter timetable")} from October</li><li>Tickets: ${siteLink("/news/2024/tickets", "where to buy season tickets")} in town</li></ul>`;
    const two = `<ul><li>${siteLink("/news/2024/bridge-tolls", "Bridge tolls to be scrapped next spring")}</li><li>${siteLink("/news/2024/lifeboat", "Lifeboat crew honoured for winter rescue")}</li></ul>`;
    const { text } = run(STORY.slice(0, 2).map(p).join("") + sources + p(STORY[2]) + mixed + p(STORY[3]) + two + STORY.slice(4).map(p).join(""));
    expect(text).toContain("Department report on coastal fares");
    expect(text).toContain("the full table of new fares");
    expect(text).toContain("Bridge tolls to be scrapped next spring");
  });

  it("removes teaser cards of other stories after the story (kicker, linked headline, summary)", () => {
    const cards = [
      ["SALT AND STEEL", "/news/2024/shipyard", "Shipyard wins order for two hybrid ferries", "The yard will build the vessels over three years and hire forty apprentices."],
      ["HIGH WATER", "/news/2024/flood-defences", "Flood defences tested as spring tides arrive", "Engineers watched the new sea wall hold through the highest tide of the year."],
      ["ON THE ROCKS", "https://elsewhere.example/lighthouse", "The lighthouse keeper who never left", "A profile of the last keeper on the north coast, retired but still on duty."],
    ]
      .map(([kicker, href, head, summary]) => `<div class="card"><div>${kicker}</div><h2><a href="${href}">${head}</a></h2><p>${summary}</p></div>`)
      .join("");
    const { text, removed } = clean(STORY.map(p).join("") + cards);
    for (const gone of ["SALT AND STEEL", "Shipyard wins order", "sea wall hold", "lighthouse keeper", "ON THE ROCKS"]) expect(text).not.toContain(gone);
    for (const line of STORY) expect(text).toContain(line);
    expect(removed.filter((r) => r.reason === TEASERS_REASON).length).toBeGreaterThanOrEqual(6);
  });

  it("keeps a link blog: linked headlines with short notes are the page's own story", () => {
    const entries = [
      ["https://one.example/a", "Ports across Europe report record freight volumes", "Volumes rose by a tenth, with container traffic leading the way."],
      ["https://two.example/b", "Why ferry timetables are so hard to get right", "A long read on tides, crews and the limits of scheduling software."],
      ["https://three.example/c", "The island that voted to keep its last ferry", "Residents chose a higher council tax over losing the daily crossing."],
      ["https://four.example/d", "Electric ferries are coming to short crossings", "Battery prices have fallen enough for routes under twenty minutes."],
    ]
      .map(([href, head, note]) => `<h3><a href="${href}">${head}</a></h3><p>${note}</p>`)
      .join("");
    const { text } = clean(p("Here is what we are reading this morning about ferries and ports.") + entries);
    expect(text).toContain("Ports across Europe report record freight volumes");
    expect(text).toContain("Residents chose a higher council tax");
    expect(text).toContain("Electric ferries are coming to short crossings");
  });

  it("removes a tag line (a label over links, or 'Tags:' and links) and lists it", () => {
    const tags = `<p><b>Tags</b><br>${siteLink("/tag/ferries", "ferries")}, ${siteLink("/tag/fares", "fares")}, ${siteLink("/tag/harbour-board", "harbour board")}</p>`;
    const { text, removed } = run(STORY.map(p).join("") + tags);
    expect(text).not.toMatch(/harbour board$|\bTags\b/m);
    expect(removed.some((r) => r.reason === TAGS_REASON && r.text.includes("ferries"))).toBe(true);
    const inline = run(STORY.map(p).join("") + `<p>Topics: ${siteLink("/tag/ferries", "ferries")}, ${siteLink("/tag/islands", "islands")}</p>`);
    expect(inline.text).not.toContain("Topics");
  });

  it("removes the author's bio closing the page, not a closing line about someone in the story", () => {
    const bio = "Morag Ellis is a freelance writer living on the island of Skerra, where she keeps bees and a small boat.";
    const { text, removed } = run(STORY.map(p).join("") + p(bio));
    expect(text).not.toContain("Morag Ellis");
    expect(removed.find((r) => r.reason === BIO_REASON)?.text).toBe(bio);
    const named = "Petition organiser Ann Boyd said the group would take its case to the committee.";
    const kept = run(STORY.map(p).join("") + p(named) + p("Boyd is a retired teacher who has lived on the island for thirty years."));
    expect(kept.text).toContain("Boyd is a retired teacher");
  });

  it("removes the author box's name line with the bio", () => {
    const { text, removed } = clean(STORY.map(p).join("") + `<h3><a href="/author/morag">Morag Ellis</a></h3>` + p("Morag Ellis is the transport editor of the Gazette and has covered the islands since 2015."));
    expect(text).not.toContain("Morag Ellis");
    expect(removed.filter((r) => r.reason === BIO_REASON)).toHaveLength(2);
  });

  it("peels promotions and a comment policy off the end of the page, even when they read like sentences", () => {
    const closing = [
      "If you enjoyed this article, we have a proposition for you: become a member. Members get every story with no paywalls and fewer adverts.",
      "Comments that are abusive or off topic will not be approved by the moderators, so please keep the discussion civil.",
    ];
    const { text, removed } = clean(STORY.map(p).join("") + closing.map(p).join(""));
    for (const line of closing) expect(text).not.toContain(line);
    expect(removed.map((r) => r.reason)).toEqual(expect.arrayContaining(["Promotion (newsletter, membership, listening or deal notice)", "Comment policy notice"]));
    for (const line of STORY) expect(text).toContain(line);
  });

  it("removes a newsletter prompt inside the story addressed to the reader, not a story sentence about newsletters", () => {
    const prompt = "Let our news meet your inbox. The stories that matter, delivered weekday mornings.";
    const story = "Island residents can sign up for text alerts about cancelled sailings, the board said, and its monthly newsletter will carry the new timetable.";
    const { text } = clean(STORY.slice(0, 3).map(p).join("") + p(prompt) + p(story) + STORY.slice(3).map(p).join(""));
    expect(text).not.toContain("meet your inbox");
    expect(text).toContain(story);
  });

  it("keeps footnotes under a table or list at the end of the story", () => {
    const table = "<table><tr><td>Route</td><td>Old fare</td><td>New fare</td></tr><tr><td>North crossing</td><td>£4.00</td><td>£4.25</td></tr></table>";
    const { text } = clean(STORY.map(p).join("") + table + p("* Fares subject to board approval") + p("Note: return tickets unchanged"));
    expect(text).toContain("* Fares subject to board approval");
    expect(text).toContain("Note: return tickets unchanged");
  });
});
