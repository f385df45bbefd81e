import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";
import { claimUrl } from "./claimreview";

// Which reader-page links a report may print: only pages readers can open. A never-published
// article has no reader page (/r/<slug> is a 404), and a claim that is not published is not on it.

export const NOT_PUBLISHED_LABEL = "Not published";

/** The reader page's address when it is published, else null. */
export function readerPageUrl(bundle: ReportBundle): string | null {
  return bundle.article.status === "PUBLISHED" ? bundle.article.readerUrl : null;
}

/** What a report says instead of a link when there is no reader page. */
export function readerPageStatus(bundle: ReportBundle): string {
  return bundle.article.status === "WITHDRAWN" ? "Withdrawn" : NOT_PUBLISHED_LABEL;
}

/** The claim's address on the reader page, or null when readers cannot see it there. */
export function publishedClaimUrl(bundle: ReportBundle, claim: Pick<ReportClaim, "id" | "status">): string | null {
  return readerPageUrl(bundle) && claim.status === "PUBLISHED" ? claimUrl(bundle, claim.id) : null;
}
