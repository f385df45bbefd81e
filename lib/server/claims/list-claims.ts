import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { ApiClaim, ClaimFilters, ListClaimsQuery } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { requireActor, roleReadsArticle } from "@/lib/server/access";
import { loadArticleWithRole, memberRoleSql, selectClaimRows } from "./claim-rows";
import { toApiClaim } from "./claim-shape";

export interface ClaimPage {
  claims: ApiClaim[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

// Keyset paging in document order: (start, end, createdAt, id) of the last claim of a page.
export type Cursor = [start: number, end: number, createdAt: string, id: string];

function encodeCursor(row: { start: number; end: number; createdAt: Date; id: string }): string {
  return cursorOf(row.start, row.end, row.createdAt.toISOString(), row.id);
}

/** The `nextCursor` after a claim (`createdAt` as an ISO string). */
export function cursorOf(start: number, end: number, createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([start, end, createdAt, id] satisfies Cursor)).toString("base64url");
}

/** An `after` cursor's (start, end, createdAt, id); a VALIDATION_ERROR when it is not one of ours. */
export function decodeCursor(after: string): Cursor {
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

function afterWhere([start, end, createdAt, id]: Cursor): Prisma.Sql {
  const at = new Date(createdAt);
  return Prisma.sql`(c."start" > ${start}
    OR (c."start" = ${start} AND c."end" > ${end})
    OR (c."start" = ${start} AND c."end" = ${end} AND c."createdAt" > ${at})
    OR (c."start" = ${start} AND c."end" = ${end} AND c."createdAt" = ${at} AND c."id" > ${id}))`;
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
  // Access in one query: the live article with the actor's role from an active membership of an
  // active account (the rules of readableArticleWhere: editors and admins read every article,
  // readers published ones).
  const article = await loadArticleWithRole(db, articleId, actor.userId);
  if (!article || !roleReadsArticle(article.role, article.status)) throw notFound("Article");
  const internal = canEdit(article.role);

  // The rules of apiReadableClaimWhere, checked again in the claims query itself.
  const actorRole = Prisma.sql`(${memberRoleSql(actor.userId, Prisma.sql`a."workspaceId"`)})`;
  const where = [Prisma.sql`c."articleId" = ${articleId} AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL`];
  if (internal) {
    where.push(Prisma.sql`${actorRole} IN ('ADMIN', 'EDITOR')`);
    if (filters.verdict) where.push(filters.verdict === "none" ? Prisma.sql`c."verdictKey" IS NULL` : Prisma.sql`c."verdictKey" = ${filters.verdict}`);
    if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}`);
    if (filters.assignee === "none") where.push(Prisma.sql`c."assigneeId" IS NULL`);
    else if (filters.assignee) where.push(Prisma.sql`c."assigneeId" = ${filters.assignee === "me" ? actor.userId : filters.assignee}`);
  } else {
    // Readers filter on the published verdict and status (below), not on the live ones.
    where.push(Prisma.sql`a."status" = 'PUBLISHED' AND ${actorRole} IS NOT NULL AND (c."status" = 'PUBLISHED' OR c."publishedAt" IS NOT NULL)`);
  }
  if (cursor) where.push(afterWhere(cursor));
  const rows = await selectClaimRows(db, {
    where: Prisma.join(where, " AND "),
    sources: !summary,
    ...(limit ? { limit: limit + 1 } : {}),
  });
  const more = limit !== undefined && rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
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
      const claim = asPublished(toApiClaim(r, { internal: false }), p);
      if (filters.status && filters.status !== "PUBLISHED") continue;
      if (filters.verdict && claim.verdict !== (filters.verdict === "none" ? null : filters.verdict)) continue;
      out.push(shape(claim));
    }
    return { claims: out, nextCursor };
  }
  return { claims: pageRows.map((r) => shape(toApiClaim(r, { internal, openThreadCount: r.openThreadCount }))), nextCursor };
}

/** Every claim of the article (see listClaimsPage). */
export async function listClaims({ actor, articleId, filters = {} }: { actor: MaybeActor; articleId: string; filters?: ClaimFilters }): Promise<ApiClaim[]> {
  return (await listClaimsPage({ actor, articleId, query: filters })).claims;
}
