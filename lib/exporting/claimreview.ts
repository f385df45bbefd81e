import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { httpUrl, oneLine } from "./text";

// schema.org ClaimReview, one per rated claim: the mapping the reader page embeds as JSON-LD
// and the "claimreview" export downloads. Follows Google's fact-check structured data
// guidelines: required claimReviewed (< 75 characters), reviewRating.alternateName and url;
// recommended author, datePublished, itemReviewed (Claim with author, appearance,
// datePublished), and the Rating's ratingValue/bestRating/worstRating/name.

/** Google shows at most 75 characters; stay strictly under. */
export const CLAIM_REVIEWED_MAX = 74;

export interface SchemaThing {
  "@type": string;
  [key: string]: unknown;
}

export interface ClaimReviewJsonLd extends SchemaThing {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  reviewRating: SchemaThing;
  itemReviewed: SchemaThing;
  author: SchemaThing;
  datePublished: string;
}

// Words that mark a claimant as an institution rather than a person.
const ORGANIZATION_WORDS =
  /\b(ministry|department|office|government|white house|kremlin|agency|council|committee|commission|parliament|senate|congress|party|inc|ltd|llc|corp|corporation|company|group|institute|institution|university|foundation|association|organi[sz]ation|union|news|times|journal|press|television|tv|radio|bank|fund|nato|eu|police|army|forces|officials|campaign|embassy|court|administration|media|network)\b/i;

/** The claimant as a schema.org Person or Organization (institutions by their name, people otherwise). */
export function claimantEntity(claimant: string): SchemaThing {
  const name = oneLine(claimant);
  return { "@type": ORGANIZATION_WORDS.test(name) ? "Organization" : "Person", name };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * claimReviewed: the claim statement, without the verdict (a leading "False:" or trailing
 * "— False" is removed) and shortened at a word boundary to under 75 characters.
 */
export function claimReviewedText(claim: ReportClaim, verdictLabels: string[]): string {
  let text = oneLine(claim.statement || claim.exact);
  for (const label of verdictLabels) {
    const l = escapeRegExp(label);
    text = text
      .replace(new RegExp(`^\\s*\\[?${l}\\]?\\s*[:\\-–—|]\\s*`, "i"), "")
      .replace(new RegExp(`\\s*[:\\-–—|(\\[]\\s*${l}[)\\]]?\\s*\\.?$`, "i"), "");
  }
  text = text.trim();
  if (text.length <= CLAIM_REVIEWED_MAX) return text;
  const cut = text.slice(0, CLAIM_REVIEWED_MAX - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const base = lastSpace > CLAIM_REVIEWED_MAX / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,.;:!?-]+$/, "")}…`;
}

/** The claim's own address on the reader page. */
export function claimUrl(bundle: ReportBundle, claimId: string): string {
  return `${bundle.article.readerUrl}#claim-${claimId}`;
}

function organizationThing(bundle: ReportBundle): SchemaThing {
  const url = httpUrl(bundle.organization.url);
  return { "@type": "Organization", name: bundle.organization.name, ...(url ? { url } : {}) };
}

function appearance(bundle: ReportBundle): SchemaThing {
  const a = bundle.article;
  const url = httpUrl(a.sourceUrl);
  return {
    "@type": "CreativeWork",
    ...(url ? { url } : {}),
    headline: a.title,
    ...(a.byline ? { author: { "@type": "Person", name: oneLine(a.byline) } } : {}),
    ...(a.siteName ? { publisher: { "@type": "Organization", name: a.siteName } } : {}),
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
  };
}

/** One ClaimReview for one claim; null when the claim has no verdict (alternateName is required). */
export function buildClaimReview(bundle: ReportBundle, claim: ReportClaim): ClaimReviewJsonLd | null {
  const verdict = claim.verdict;
  if (!verdict) return null;
  const { scale, article } = bundle;
  const labels = scale.verdicts.map((v) => v.label).concat(verdict.label);
  const reviewRating: SchemaThing = {
    "@type": "Rating",
    alternateName: verdict.label,
    name: verdict.label,
    // Verdicts outside the numeric scale (e.g. Unproven) carry only their label.
    ...(verdict.ratingValue !== null
      ? { ratingValue: verdict.ratingValue, bestRating: scale.bestRating, worstRating: scale.worstRating }
      : {}),
  };
  const itemReviewed: SchemaThing = {
    "@type": "Claim",
    ...(claim.claimant ? { author: claimantEntity(claim.claimant) } : {}),
    appearance: appearance(bundle),
    ...(article.publishedAt ? { datePublished: article.publishedAt.slice(0, 10) } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(bundle, claim.id),
    claimReviewed: claimReviewedText(claim, labels),
    reviewRating,
    itemReviewed,
    author: organizationThing(bundle),
    datePublished: (claim.publishedAt ?? article.lastPublishedAt ?? claim.approvedAt ?? claim.updatedAt).slice(0, 10),
    dateModified: claim.updatedAt,
    ...(article.language ? { inLanguage: article.language } : {}),
  };
}

/**
 * Every rated claim of the bundle as a ClaimReview object, in document order. The reader page
 * embeds each one in a <script type="application/ld+json">; the export writes the array.
 */
export function buildClaimReviews(bundle: ReportBundle): ClaimReviewJsonLd[] {
  return bundle.claims
    .map((claim) => buildClaimReview(bundle, claim))
    .filter((r): r is ClaimReviewJsonLd => r !== null);
}

/** The "claimreview" export: a JSON array of ClaimReview objects. */
export function exportClaimReview(bundle: ReportBundle): string {
  return `${JSON.stringify(buildClaimReviews(bundle), null, 2)}\n`;
}

/** JSON for a <script type="application/ld+json"> element: "<" escaped so the text cannot close the script. */
export function jsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
