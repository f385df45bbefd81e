import { describe, expect, it } from "vitest";
import {
  buildClaimReviews,
  claimantEntity,
  claimReviewedText,
  CLAIM_REVIEWED_MAX,
  exportClaimReview,
  jsonLdScriptContent,
} from "./claimreview";
import { CRIMEA, emptyBundle, sampleBundle, unicodeBundle } from "./test-fixtures";

describe("ClaimReview JSON-LD", () => {
  it("maps each rated published claim with Google's required and recommended fields", () => {
    const bundle = sampleBundle("published");
    const reviews = buildClaimReviews(bundle);
    expect(reviews).toHaveLength(bundle.claims.filter((c) => c.verdict).length);
    const crimea = reviews.find((r) => r.url.endsWith("#claim-c-crimea"));
    expect(crimea).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factmark.example/r/biden-putin-talk#claim-c-crimea",
      claimReviewed: `${CRIMEA}.`,
      reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Michael R. Gordon" },
        appearance: { "@type": "CreativeWork", url: "https://news.example/world/biden-putin-talk" },
        datePublished: "2021-12-30",
      },
      author: { "@type": "Organization", name: "Test Checkers", url: "https://checkers.example" },
      datePublished: "2021-12-31",
    });
    for (const r of reviews) {
      expect(r.claimReviewed.length).toBeLessThan(75);
      expect(r.claimReviewed.length).toBeGreaterThan(0);
      expect(typeof (r.reviewRating as { alternateName?: unknown }).alternateName).toBe("string");
      expect(r.url).toMatch(/^https:\/\/factmark\.example\/r\/biden-putin-talk#claim-/);
    }
  });

  it("leaves out claims without a verdict and never includes drafts of a published bundle", () => {
    const all = buildClaimReviews(sampleBundle("all"));
    expect(all.some((r) => r.url.endsWith("#claim-c-treaty"))).toBe(false);
    const bundle = sampleBundle("published");
    const published = buildClaimReviews(bundle);
    expect(published.map((r) => r.url.split("#")[1])).toEqual(bundle.claims.map((c) => `claim-${c.id}`));
    expect(bundle.claims.map((c) => c.start)).toEqual([...bundle.claims.map((c) => c.start)].sort((x, y) => x - y));
  });

  it("shortens long statements under 75 characters at a word boundary and strips the verdict", () => {
    const bundle = sampleBundle("published");
    const claim = { ...bundle.claims[0], statement: "False: " + "the minister said that the annexation never happened and that ".repeat(3) };
    const text = claimReviewedText(claim, ["False", "True"]);
    expect(text.length).toBeLessThanOrEqual(CLAIM_REVIEWED_MAX);
    expect(text.startsWith("the minister said")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(claimReviewedText({ ...claim, statement: "The moon is cheese — False" }, ["False"])).toBe("The moon is cheese");
  });

  it("classifies institutions as organisations and people as persons", () => {
    expect(claimantEntity("Russia's foreign ministry")["@type"]).toBe("Organization");
    expect(claimantEntity("US and European officials")["@type"]).toBe("Organization");
    expect(claimantEntity("Angela Stant")["@type"]).toBe("Person");
  });

  it("omits numeric rating fields for verdicts outside the numeric scale but keeps the label", () => {
    const bundle = sampleBundle("published");
    const unproven = bundle.scale.verdicts.find((v) => v.key === "unproven")!;
    bundle.claims[0] = { ...bundle.claims[0], verdict: unproven };
    const [first] = buildClaimReviews(bundle);
    expect(first.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unproven", name: "Unproven" });
  });

  it("exports a JSON array (empty for an article without claims) and keeps Unicode", () => {
    expect(JSON.parse(exportClaimReview(emptyBundle()))).toEqual([]);
    const parsed = JSON.parse(exportClaimReview(unicodeBundle())) as Array<{ claimReviewed: string }>;
    expect(parsed.map((r) => r.claimReviewed)).toContain("Россия аннексировала Крым в 2014 году.");
  });

  it("escapes JSON-LD so it cannot close a script element", () => {
    const out = jsonLdScriptContent({ x: "</script><script>alert(1)</script>" });
    expect(out).not.toContain("</script>");
    expect(JSON.parse(out)).toEqual({ x: "</script><script>alert(1)</script>" });
  });
});
