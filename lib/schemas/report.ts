import type { DocNode } from "@/lib/document/types";
import type { ArticleStatus, ClaimStatus, Stance } from "./enums";

// The one shape an annotated article takes when it leaves the editing workspace:
// a publication snapshot (Publication.snapshot, scope "published"), the reader page,
// the public API and every export read it. Building it is lib/server/reports/*;
// everything that consumes it is pure.

export interface ReportVerdict {
  key: string;
  label: string;
  description: string;
  color: string;
  ratingValue: number | null;
  order: number;
}

export interface ReportScale {
  name: string;
  bestRating: number;
  worstRating: number;
  verdicts: ReportVerdict[];
}

export interface ReportPerson {
  id: string;
  name: string;
}

export interface ReportSource {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  /** YYYY-MM-DD */
  publishedOn: string | null;
  /** YYYY-MM-DD */
  accessedOn: string | null;
  excerpt: string | null;
  stance: Stance;
  archiveUrl: string | null;
}

export interface ReportClaim {
  id: string;
  /** TextQuoteSelector over article.canonicalText */
  exact: string;
  prefix: string;
  suffix: string;
  /** TextPositionSelector over article.canonicalText */
  start: number;
  end: number;
  claimant: string | null;
  statement: string;
  verdict: ReportVerdict | null;
  /** Sanitized HTML. */
  rationale: string;
  status: ClaimStatus;
  author: ReportPerson;
  reviewer: ReportPerson | null;
  /** ISO timestamps */
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  publishedAt: string | null;
  sources: ReportSource[];
  /** An earlier published claim of the workspace this one was linked to ("We checked this before"). */
  checkedBefore?: ReportCheckedBefore | null;
}

export interface ReportCheckedBefore {
  claimId: string;
  statement: string;
  articleTitle: string;
  /** The earlier claim on its reader page. */
  url: string;
  /** ISO timestamp */
  publishedAt: string | null;
}

export interface ReportArticle {
  id: string;
  slug: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  siteName: string | null;
  /** ISO timestamp of the original story's publication. */
  publishedAt: string | null;
  language: string | null;
  excerpt: string | null;
  document: DocNode;
  canonicalText: string;
  status: ArticleStatus;
  /** ISO timestamps of the fact-check's publication. */
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** Absolute URL of the reader page, /r/<slug>. */
  readerUrl: string;
  /** The text revision the selectors refer to (absent in snapshots made before revisions). */
  revision?: ReportRevision;
}

export interface ReportRevision {
  number: number;
  /** sha256 (hex) of the revision's canonical text. */
  contentHash: string;
}

export interface ReportOrganization {
  name: string;
  url: string | null;
  /** The approval rule in force when this was published (absent in older snapshots). */
  requireIndependentApproval?: boolean;
  /** The workspace's BCP 47 locale for dates (absent in older snapshots: en-GB). */
  locale?: string;
}

export interface ReportCorrection {
  number: number;
  reason: string;
  changes: string[];
  /** When this correction changed the article text: the revision readers saw before it. */
  previousRevision?: number;
  /** ISO timestamp */
  createdAt: string;
}

export interface ReportBundle {
  /** "published": only what readers see; "all": every live claim, marked internal. */
  scope: "published" | "all";
  article: ReportArticle;
  /** In document order (start, then end). */
  claims: ReportClaim[];
  scale: ReportScale;
  organization: ReportOrganization;
  corrections: ReportCorrection[];
  /** ISO timestamp */
  generatedAt: string;
}
