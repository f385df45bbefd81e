import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { DEFAULT_SCALE } from "@/lib/scale/default-scale";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { readerCsp } from "./reader-csp";
import { renderEmbedPage, renderReaderPage, renderStatusPage } from "./render-reader";

const XSS = `<img src=x onerror=alert(1)>"'</script><svg onload=alert(2)>`;
const doc: DocNode = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Russia annexed Crimea from Ukraine in 2014. " }, { type: "text", text: XSS }] },
    { type: "paragraph", content: [{ type: "text", text: "Inflation hit 9 percent last year." }] },
  ],
};
const text = canonicalText(doc);
const scale = { ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map((v, order) => ({ ...v, order })) };

function claim(exact: string, over: Partial<ReportClaim> = {}): ReportClaim {
  const start = text.indexOf(exact);
  return {
    id: `c${start}`,
    exact,
    prefix: "",
    suffix: "",
    start,
    end: start + exact.length,
    claimant: XSS,
    statement: exact,
    verdict: scale.verdicts.find((v) => v.key === "false")!,
    rationale: `<p>Because <a href="javascript:alert(3)">x</a><script>alert(4)</script></p>`,
    status: "PUBLISHED",
    author: { id: "u1", name: "Eddie" },
    reviewer: { id: "u2", name: "Erin" },
    createdAt: "2026-05-01T10:00:00.000Z",
    updatedAt: "2026-05-01T10:00:00.000Z",
    approvedAt: "2026-05-02T10:00:00.000Z",
    publishedAt: "2026-05-03T10:00:00.000Z",
    sources: [
      { id: "s1", url: "javascript:alert(5)", title: XSS, publisher: null, publishedOn: null, accessedOn: null, excerpt: XSS, stance: "REFUTES", archiveUrl: null },
      { id: "s2", url: "https://records.example/a?b=1&c=2", title: "Records", publisher: "Archive", publishedOn: "2026-01-01", accessedOn: null, excerpt: null, stance: "SUPPORTS", archiveUrl: null },
    ],
    ...over,
  };
}

function bundle(claims: ReportClaim[]): ReportBundle {
  return {
    scope: "published",
    article: {
      id: "a1",
      slug: "crimea",
      title: `Title ${XSS}`,
      byline: XSS,
      sourceUrl: "javascript:alert(6)",
      siteName: "Daily",
      publishedAt: "2026-04-30T00:00:00.000Z",
      language: `en"><script>`,
      excerpt: null,
      document: doc,
      canonicalText: text,
      status: "PUBLISHED",
      firstPublishedAt: "2026-05-03T10:00:00.000Z",
      lastPublishedAt: "2026-05-04T10:00:00.000Z",
      readerUrl: "https://factmark.example/r/crimea",
    },
    claims,
    scale,
    organization: { name: "Test Checkers", url: "https://checkers.example" },
    corrections: [{ number: 2, reason: `Fixed ${XSS}`, changes: ["Claim 'X': verdict True → False", `Claim 'Y': statement reworded: a {-b ${XSS}-} {+c+} d`], createdAt: "2026-05-04T10:00:00.000Z" }],
    generatedAt: "2026-05-04T10:00:00.000Z",
  };
}

const outer = claim("Russia annexed Crimea from Ukraine in 2014");
const inner = claim("Crimea", { id: "inner", verdict: scale.verdicts.find((v) => v.key === "true")! });
const second = claim("Inflation hit 9 percent", { id: "third", verdict: scale.verdicts.find((v) => v.key === "misleading")! });

describe("renderReaderPage", () => {
  const page = renderReaderPage(bundle([outer, inner, second]), { membersOnly: false });

  it("loads no image from the publisher: figures link to the original and the CSP allows no remote images", () => {
    const withFigure = bundle([outer]);
    withFigure.article.document = { ...doc, content: [...doc.content, { type: "figure", attrs: { src: "https://cdn.publisher.example/p.jpg", alt: "", caption: "Geneva" } }] };
    const rendered = renderReaderPage(withFigure, { membersOnly: false });
    expect(rendered.html).not.toMatch(/<img[^>]+src="https?:/);
    expect(rendered.html).toContain('href="https://cdn.publisher.example/p.jpg"');
    expect(readerCsp({ scripts: [], styles: [], frameable: false })).toContain("img-src 'self' data:;");
  });

  it("escapes every piece of user content: no markup, handlers or script URLs get through", () => {
    expect(page.html).not.toMatch(/<img|<svg on|<[^>]*\son\w+=|javascript:|<script>alert/i);
    expect(page.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // Only the enhancement script and the JSON-LD blocks are scripts.
    const scripts = [...page.html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.filter((a) => a === "")).toHaveLength(1);
    expect(scripts.filter((a) => a.includes("application/ld+json"))).toHaveLength(3);
    expect(page.html).toContain('<html lang="en">');
  });

  it("highlights each claim with its verdict colour class, numbered references and overlap marking", () => {
    expect(page.html).toMatch(/<mark class="fm-mark v-false" data-claims="c0"/);
    // The shared words carry both colours (bands) and the overlap mark; the title names both claims.
    expect(page.html).toMatch(/<mark class="fm-mark v-true fm-overlap fm-ov-false_true" data-claims="c0 inner" title="Shared by claim 1: False and claim 2: True">Crimea<\/mark>/);
    expect(page.styles.join("\n")).toMatch(/mark\.fm-ov-false_true\{background-image:linear-gradient\(to bottom,#[0-9a-f]{6} 0\.00% 50\.00%,#[0-9a-f]{6} 50\.00% 100\.00%\)\}/i);
    // The inner claim's reference sits inside the outer claim's passage: the outer highlight runs under it.
    expect(page.html).toMatch(/<\/mark><mark class="fm-mark v-false fm-ref-host" data-claims="c0"><a class="fm-ref" href="#claim-inner"/);
    expect(page.html).not.toContain("#claim-&lt;id&gt;");
    expect(page.html).toMatch(/<a class="fm-ref" href="#claim-inner" data-claim="inner"><span class="sr-only">Claim <\/span>2<span class="fm-ref-v"> True<\/span><\/a>/);
    expect(page.html).toMatch(/href="#claim-third"[^>]*><span class="sr-only">Claim <\/span>3<span class="fm-ref-v"> Misleading/);
    expect(page.html).toContain('id="claim-c0"');
    expect(page.html).toContain("3 claims checked: 1 True, 1 False, 1 Misleading");
    expect(page.html).toContain('aria-label="Verdict distribution: 1 True, 1 False, 1 Misleading"');
    expect(page.html).toContain("Updated <time");
    expect(page.html).toContain("Correction 1");
    expect(page.html).toContain("statement reworded: a <del>b &lt;img src=x onerror=alert(1)&gt;");
    expect(page.html).toContain("<ins>c</ins> d</li>");
    expect(page.html).toContain('<a href="https://records.example/a?b=1&amp;c=2"');
  });

  it("embeds one parseable ClaimReview per claim, with '<' escaped", () => {
    const blocks = [...page.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(blocks.every((b) => !b.includes("<"))).toBe(true);
    const reviews = blocks.map((b) => JSON.parse(b));
    expect(reviews.map((r) => r.url)).toEqual([
      "https://factmark.example/r/crimea#claim-c0",
      "https://factmark.example/r/crimea#claim-inner",
      "https://factmark.example/r/crimea#claim-third",
    ]);
    expect(reviews[0].itemReviewed.author.name).toBe(XSS.replace(/\s+/g, " ").trim());
  });

  it("is served with a CSP that allows exactly its own inline script and styles", () => {
    const csp = readerCsp({ scripts: page.scripts, styles: page.styles, frameable: false });
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    for (const s of [...page.scripts, ...page.styles]) expect(page.html).toContain(s);
  });
});

describe("earlier text versions", () => {
  const withText = (b: ReturnType<typeof bundle>) => ({ ...b, corrections: [{ ...b.corrections[0], changes: ["Article text updated: Fixed a name"], previousRevision: 1 }] });

  it("a correction that changed the text links to the version before it", () => {
    const current = renderReaderPage(withText(bundle([outer])), { membersOnly: false });
    expect(current.html).toContain('href="https://factmark.example/r/crimea?revision=1"');
    expect(current.html).toContain("Article text updated: Fixed a name");
    expect(current.html).not.toContain("You are reading an earlier version");
  });

  it("an earlier version says so, links to the current one, is not indexed and carries no ClaimReview", () => {
    const earlier = renderReaderPage(withText(bundle([outer])), { membersOnly: false, earlierRevision: 1 });
    expect(earlier.html).toContain("You are reading an earlier version.");
    expect(earlier.html).toContain("article text of revision 1");
    expect(earlier.html).toContain('<a href="https://factmark.example/r/crimea">Read the current fact-check</a>');
    expect(earlier.html).toContain('<meta name="robots" content="noindex">');
    expect(earlier.html).not.toContain("application/ld+json");
    expect(earlier.html).not.toContain("?revision=1");
  });
});

describe("renderEmbedPage and status pages", () => {
  it("the embed lists claims with verdict chips and links to their cards on the reader page", () => {
    const embed = renderEmbedPage(bundle([outer, second]));
    expect(embed.scripts).toEqual([]);
    expect(embed.html).toContain('href="https://factmark.example/r/crimea#claim-third"');
    expect(embed.html).toContain('class="fm-chip v-misleading">Misleading<');
    expect(embed.html).not.toMatch(/<img|<[^>]*\son\w+=/);
  });

  it("the withdrawn page shows the escaped reason", () => {
    const gone = renderStatusPage({ status: 410, title: "T", message: `This fact-check was withdrawn on 3 May 2026: ${XSS}` });
    expect(gone.html).toContain("410 · Withdrawn");
    expect(gone.html).toContain("withdrawn on 3 May 2026: &lt;img");
  });
});
