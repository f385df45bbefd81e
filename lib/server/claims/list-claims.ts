import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiClaim, ClaimFilters } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import { claimInclude, readableClaimWhere, toApiClaim } from "./claim-shape";

/**
 * An article's claims in document order (start, then end). Filters: verdict (a key, or
 * "none" for unrated), status, assignee (a user id, "me" or "none"). Readers get the
 * published claims of published articles only, as published (latest publication snapshot, not
 * the live rows), without internal fields.
 */
export async function listClaims({
  actor: maybeActor,
  articleId,
  filters = {},
}: {
  actor: MaybeActor;
  articleId: string;
  filters?: ClaimFilters;
}): Promise<ApiClaim[]> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { workspaceId: true } });
  if (!article) throw notFound("Article");
  const { role } = await requireMembership(db, actor, article.workspaceId);
  const internal = canEdit(role);

  const where: Record<string, unknown> = { articleId, ...readableClaimWhere(actor) };
  // Readers filter on the published verdict (below), not on the live one.
  if (filters.verdict && internal) where.verdictKey = filters.verdict === "none" ? null : filters.verdict;
  if (filters.status) where.status = filters.status;
  if (filters.assignee && internal) {
    where.assigneeId = filters.assignee === "none" ? null : filters.assignee === "me" ? actor.userId : filters.assignee;
  }
  const rows = await db.claim.findMany({ where, include: claimInclude, orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }] });

  if (!internal) {
    const published = await latestPublishedClaims(articleId);
    const out: ApiClaim[] = [];
    for (const r of rows) {
      const p = published?.get(r.id);
      if (!p) continue;
      const claim = asPublished(toApiClaim(r, { internal: false }), p);
      if (filters.verdict && claim.verdict !== (filters.verdict === "none" ? null : filters.verdict)) continue;
      out.push(claim);
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  let openThreads = new Map<string, number>();
  if (internal && rows.length) {
    const groups = await db.comment.groupBy({
      by: ["claimId"],
      // By article, not by a list of claim ids: SQLite caps the number of query parameters.
      where: { claim: { articleId, deletedAt: null }, parentId: null, resolved: false, deletedAt: null },
      _count: { _all: true },
    });
    openThreads = new Map(groups.map((g) => [g.claimId, g._count._all]));
  }
  return rows.map((r) => toApiClaim(r, { internal, openThreadCount: internal ? (openThreads.get(r.id) ?? 0) : undefined }));
}
