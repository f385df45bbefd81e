import "server-only";
import type { Tx } from "@/lib/db";
import type { DocNode } from "@/lib/document/types";
import { publicBaseUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import type { ArticleStatus, ClaimStatus, Stance } from "@/lib/schemas/enums";
import type { ReportBundle, ReportCheckedBefore, ReportClaim, ReportVerdict } from "@/lib/schemas/report";

// Builds the ReportBundle of one article from the database. With scope "published" it holds
// only what readers may see: approved or published claims, each with its verdict, rationale,
// sources and reviewer; never drafts, comments, assignees or history. Access is checked by
// the caller (the article id comes from an access-filtered query).

export const PUBLISHABLE_CLAIM_STATUSES: ClaimStatus[] = ["APPROVED", "PUBLISHED"];

export interface BuildSnapshotOptions {
  articleId: string;
  scope: "published" | "all";
  /** Timestamp of this publication: claims published now get it as publishedAt. */
  now?: Date;
}

export function readerUrlFor(slug: string): string {
  return `${publicBaseUrl()}/r/${encodeURIComponent(slug)}`;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function buildSnapshot(tx: Tx, { articleId, scope, now = new Date() }: BuildSnapshotOptions): Promise<ReportBundle> {
  const article = await tx.article.findFirst({
    where: { id: articleId, deletedAt: null },
    include: { workspace: { include: { ratingScale: { include: { verdicts: { orderBy: { order: "asc" } } } } } } },
  });
  if (!article) throw notFound("Article");
  const scale = article.workspace.ratingScale;
  const verdicts: ReportVerdict[] = (scale?.verdicts ?? []).map((v) => ({
    key: v.key,
    label: v.label,
    description: v.description,
    color: v.color,
    ratingValue: v.ratingValue,
    order: v.order,
  }));
  const verdictByKey = new Map(verdicts.map((v) => [v.key, v]));
  const archivedKeys = new Set((scale?.verdicts ?? []).filter((v) => v.archived).map((v) => v.key));

  // Flat queries (claims, then their sources by article, then the few people): no `IN (…)` over
  // every claim id, which breaks SQLite's parameter limit and grows with the article.
  const claimWhere = {
    articleId,
    deletedAt: null,
    ...(scope === "published" ? { status: { in: PUBLISHABLE_CLAIM_STATUSES } } : {}),
  };
  const claims = await tx.claim.findMany({
    where: claimWhere,
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }],
  });
  const sourceRows = await tx.source.findMany({
    where: { claim: claimWhere },
    orderBy: [{ claimId: "asc" }, { position: "asc" }, { createdAt: "asc" }],
  });
  const sourcesByClaim = new Map<string, typeof sourceRows>();
  for (const s of sourceRows) {
    const list = sourcesByClaim.get(s.claimId);
    if (list) list.push(s);
    else sourcesByClaim.set(s.claimId, [s]);
  }
  // "We checked this before": the earliest-linked earlier claim that readers can see too.
  const earlierRows = await tx.claimLink.findMany({
    where: { from: claimWhere, to: { status: "PUBLISHED", deletedAt: null, article: { status: "PUBLISHED", deletedAt: null } } },
    orderBy: { createdAt: "asc" },
    select: { fromClaimId: true, to: { select: { id: true, statement: true, exact: true, publishedAt: true, article: { select: { slug: true, title: true } } } } },
  });
  const earlierByClaim = new Map<string, ReportCheckedBefore>();
  for (const { fromClaimId, to } of earlierRows) {
    if (earlierByClaim.has(fromClaimId)) continue;
    earlierByClaim.set(fromClaimId, {
      claimId: to.id,
      statement: to.statement || to.exact,
      articleTitle: to.article.title,
      url: `${readerUrlFor(to.article.slug)}#claim-${to.id}`,
      publishedAt: iso(to.publishedAt),
    });
  }
  const personIds = [...new Set(claims.flatMap((c) => (c.approvedById ? [c.createdById, c.approvedById] : [c.createdById])))];
  const people = personIds.length ? await tx.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }) : [];
  const personById = new Map(people.map((p) => [p.id, p]));
  const personOf = (id: string) => personById.get(id) ?? { id, name: "" };

  const reportClaims: ReportClaim[] = claims.map((c) => {
    const published = scope === "published";
    return {
      id: c.id,
      exact: c.exact,
      prefix: c.prefix,
      suffix: c.suffix,
      start: c.start,
      end: c.end,
      claimant: c.claimant,
      statement: c.statement,
      verdict: c.verdictKey ? (verdictByKey.get(c.verdictKey) ?? null) : null,
      rationale: c.rationale,
      status: published ? "PUBLISHED" : (c.status as ClaimStatus),
      author: personOf(c.createdById),
      reviewer: c.approvedById ? personOf(c.approvedById) : null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      approvedAt: iso(c.approvedAt),
      publishedAt: published ? (iso(c.publishedAt) ?? now.toISOString()) : iso(c.publishedAt),
      sources: (sourcesByClaim.get(c.id) ?? []).map((s) => ({
        id: s.id,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        accessedOn: s.accessedOn,
        excerpt: s.excerpt,
        stance: s.stance as Stance,
        archiveUrl: s.archiveUrl,
      })),
      checkedBefore: earlierByClaim.get(c.id) ?? null,
    };
  });

  return {
    scope,
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      byline: article.byline,
      sourceUrl: article.sourceUrl,
      siteName: article.siteName,
      publishedAt: iso(article.publishedAt),
      language: article.language,
      excerpt: article.excerpt,
      document: JSON.parse(article.document) as DocNode,
      canonicalText: article.canonicalText,
      status: article.status as ArticleStatus,
      firstPublishedAt: iso(article.firstPublishedAt),
      lastPublishedAt: iso(article.lastPublishedAt),
      readerUrl: readerUrlFor(article.slug),
      revision: { number: article.revisionNumber, contentHash: article.contentHash },
    },
    claims: reportClaims,
    scale: {
      name: scale?.name ?? "Rating scale",
      bestRating: scale?.bestRating ?? 5,
      worstRating: scale?.worstRating ?? 1,
      // Archived verdicts stay out of the legend unless a claim still carries one.
      verdicts: verdicts.filter((v) => !archivedKeys.has(v.key) || reportClaims.some((c) => c.verdict?.key === v.key)),
    },
    organization: {
      name: article.workspace.organizationName,
      url: article.workspace.organizationUrl,
      requireIndependentApproval: article.workspace.requireIndependentApproval,
      locale: article.workspace.locale,
    },
    corrections: [],
    generatedAt: now.toISOString(),
  };
}
