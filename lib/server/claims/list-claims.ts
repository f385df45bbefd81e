import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ApiClaim, ClaimFilters, ListClaimsQuery } from "@/lib/schemas/claim";
import { canEdit, type Role } from "@/lib/schemas/enums";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { requireActor } from "@/lib/server/access";
import { apiReadableClaimWhere, claimInclude, toApiClaim, withCommentCounts, type ClaimRow } from "./claim-shape";

export interface ClaimPage {
  claims: ApiClaim[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

// Keyset paging in document order: (start, end, createdAt, id) of the last claim of a page.
type Cursor = [start: number, end: number, createdAt: string, id: string];

function encodeCursor(row: { start: number; end: number; createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.start, row.end, row.createdAt.toISOString(), row.id] satisfies Cursor)).toString("base64url");
}

function decodeCursor(after: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(c) && c.length === 4 && Number.isInteger(c[0]) && Number.isInteger(c[1]) && typeof c[2] === "string" && !Number.isNaN(Date.parse(c[2])) && typeof c[3] === "string") {
      return c as Cursor;
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_ERROR", "after is not a cursor from this API: pass the nextCursor of the previous page, or leave it out for the first page.");
}

function afterWhere([start, end, createdAt, id]: Cursor) {
  const at = new Date(createdAt);
  return {
    OR: [
      { start: { gt: start } },
      { start, end: { gt: end } },
      { start, end, createdAt: { gt: at } },
      { start, end, createdAt: at, id: { gt: id } },
    ],
  };
}

/**
 * An article's claims in document order (start, then end). Filters: verdict (a key, or
 * "none" for unrated), status, assignee (a user id, "me" or "none"). Paging: `limit` claims
 * after the `after` cursor (all of them without a limit); `fields: "summary"` leaves out the
 * rationale, the sources and the selectors. Readers get the published claims of published
 * articles only, as published (latest publication snapshot, not the live rows), without
 * internal fields.
 */
export async function listClaimsPage({
  actor: maybeActor,
  articleId,
  query = {},
}: {
  actor: MaybeActor;
  articleId: string;
  query?: ListClaimsQuery;
}): Promise<ClaimPage> {
  const actor = requireActor(maybeActor);
  const { limit, after, fields, ...filters } = query;
  const cursor = after ? decodeCursor(after) : null;
  const summary = fields === "summary";
  // Access in one query: the live article with the actor's active membership of its workspace
  // (the rules of readableArticleWhere: editors and admins read every article, readers published ones).
  const article = await db.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: { status: true, workspace: { select: { memberships: { where: { userId: actor.userId, active: true, user: { active: true } }, select: { role: true }, take: 1 } } } },
  });
  const role = article?.workspace.memberships[0]?.role as Role | undefined;
  if (!article || !role || (!canEdit(role) && article.status !== "PUBLISHED")) throw notFound("Article");
  const internal = canEdit(role);

  const where: Record<string, unknown> = { articleId, ...apiReadableClaimWhere(actor) };
  if (filters.verdict && internal) where.verdictKey = filters.verdict === "none" ? null : filters.verdict;
  // Readers filter on the published verdict and status (below), not on the live ones.
  if (filters.status && internal) where.status = filters.status;
  if (filters.assignee && internal) {
    where.assigneeId = filters.assignee === "none" ? null : filters.assignee === "me" ? actor.userId : filters.assignee;
  }
  const { sources: _sources, ...lightInclude } = claimInclude;
  const rows = await db.claim.findMany({
    where: cursor ? { AND: [where, afterWhere(cursor)] } : where,
    include: summary ? lightInclude : claimInclude,
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    ...(limit ? { take: limit + 1 } : {}),
  });
  const more = limit !== undefined && rows.length > limit;
  const pageRows = await withCommentCounts(db, more ? rows.slice(0, limit) : rows);
  // Summary rows have no sources: they are left out of the answer anyway.
  const withSources = (r: (typeof pageRows)[number]): ClaimRow => ({ ...r, sources: "sources" in r ? (r.sources as ClaimRow["sources"]) : [] });
  const nextCursor = more ? encodeCursor(pageRows[pageRows.length - 1]) : null;
  const shape = (claim: ApiClaim): ApiClaim => {
    if (!summary) return claim;
    const { rationale: _r, sources: _s, target: _t, ...light } = claim;
    return light as ApiClaim;
  };

  if (!internal) {
    const published = await latestPublishedClaims(articleId);
    const out: ApiClaim[] = [];
    for (const r of pageRows) {
      const p = published?.get(r.id);
      if (!p) continue;
      const claim = asPublished(toApiClaim(withSources(r), { internal: false }), p);
      if (filters.status && filters.status !== "PUBLISHED") continue;
      if (filters.verdict && claim.verdict !== (filters.verdict === "none" ? null : filters.verdict)) continue;
      out.push(shape(claim));
    }
    return { claims: out, nextCursor };
  }

  let openThreads = new Map<string, number>();
  if (pageRows.length) {
    const groups = await db.comment.groupBy({
      by: ["claimId"],
      // A page: by its claim ids (≤ 500 parameters). Everything: by article, since SQLite caps
      // the number of query parameters.
      where: {
        ...(limit ? { claimId: { in: pageRows.map((r) => r.id) } } : { claim: { articleId, deletedAt: null } }),
        parentId: null,
        resolved: false,
        deletedAt: null,
      },
      _count: { _all: true },
    });
    openThreads = new Map(groups.map((g) => [g.claimId, g._count._all]));
  }
  return {
    claims: pageRows.map((r) =>
      shape(toApiClaim(withSources(r), { internal, openThreadCount: openThreads.get(r.id) ?? 0 })),
    ),
    nextCursor,
  };
}

/** Every claim of the article (see listClaimsPage). */
export async function listClaims({ actor, articleId, filters = {} }: { actor: MaybeActor; articleId: string; filters?: ClaimFilters }): Promise<ApiClaim[]> {
  return (await listClaimsPage({ actor, articleId, query: filters })).claims;
}
