import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { ApiPerson, ApiScale } from "@/lib/schemas/claim";
import type { ClaimStatus, Role } from "@/lib/schemas/enums";
import { memberRoleSql } from "./claim-rows";

// The article page's reads as named raw queries, the same SQL on SQLite and PostgreSQL (as
// claim-rows.ts for the claims API): Prisma compiled each of its ~12 queries on every page view
// (its wasm query compiler was the largest part of the page's server CPU). Access rules live in
// the SQL: a row the user may not see is not returned.

export interface PageArticleRow {
  id: string;
  workspaceId: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  status: string;
  visibility: string;
  slug: string;
  document: string;
  canonicalText: string;
  revisionNumber: number;
  version: number;
  language: string | null;
  updatedAt: Date;
  requireIndependentApproval: boolean;
  locale: string;
  role: Role;
  /** The newest live event when the page was read (its live stream replays anything after it). */
  liveAfter: number;
}

/**
 * A live article the user reads (readableArticleWhere: an active member of an active account;
 * editors and admins read every article, readers published ones) with their role, the workspace's
 * approval rule and locale, and the newest live event id; null when there is no such article.
 */
export async function loadPageArticle(tx: Tx, articleId: string, userId: string): Promise<PageArticleRow | null> {
  const [row] = await tx.$queryRaw<(Omit<PageArticleRow, "liveAfter"> & { liveAfter: bigint | number | null })[]>(Prisma.sql`SELECT
    a."id", a."workspaceId", a."title", a."byline", a."sourceUrl", a."siteName", a."publishedAt", a."status", a."visibility",
    a."slug", a."document", a."canonicalText", a."revisionNumber", a."version", a."language", a."updatedAt",
    w."requireIndependentApproval", w."locale", m."role", (SELECT MAX(e."id") FROM "LiveEvent" e) AS "liveAfter"
  FROM "Article" a
  JOIN "Workspace" w ON w."id" = a."workspaceId"
  JOIN "Membership" m ON m."workspaceId" = a."workspaceId" AND m."userId" = ${userId} AND m."active" = true
  JOIN "User" mu ON mu."id" = m."userId" AND mu."active" = true
  WHERE a."id" = ${articleId} AND a."deletedAt" IS NULL AND (m."role" IN ('ADMIN', 'EDITOR') OR a."status" = 'PUBLISHED')`);
  if (!row) return null;
  return { ...row, requireIndependentApproval: Boolean(row.requireIndependentApproval), liveAfter: Number(row.liveAfter ?? 0) };
}

/** Only while the user is an editor or admin of the workspace (checked inside each query). */
export const editorOf = (userId: string, workspaceId: string) => Prisma.sql`(${memberRoleSql(userId, Prisma.sql`${workspaceId}`)}) IN ('ADMIN', 'EDITOR')`;

export interface SummaryRow {
  id: string;
  start: number;
  end: number;
  statement: string;
  claimant: string | null;
  verdictKey: string | null;
  status: ClaimStatus;
  assigneeId: string | null;
  version: number;
  sourceCount: number;
  openThreadCount: number;
}

/** Every live claim of the article in document order, narrow (for its editors; else none). */
export async function selectSummaryRows(tx: Tx, { articleId, workspaceId, userId }: { articleId: string; workspaceId: string; userId: string }): Promise<SummaryRow[]> {
  const rows = await tx.$queryRaw<(Omit<SummaryRow, "sourceCount" | "openThreadCount"> & { sourceCount: bigint | number; openThreadCount: bigint | number })[]>(Prisma.sql`SELECT
    c."id", c."start", c."end", c."statement", c."claimant", c."verdictKey", c."status", c."assigneeId", c."version",
    (SELECT COUNT(*) FROM "Source" s WHERE s."claimId" = c."id") AS "sourceCount",
    (SELECT COUNT(*) FROM "Comment" k WHERE k."claimId" = c."id" AND k."parentId" IS NULL AND k."resolved" = false AND k."deletedAt" IS NULL) AS "openThreadCount"
  FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
  WHERE c."articleId" = ${articleId} AND a."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL
    AND ${editorOf(userId, workspaceId)}
  ORDER BY c."start", c."end", c."createdAt", c."id"`);
  return rows.map((r) => ({ ...r, sourceCount: Number(r.sourceCount), openThreadCount: Number(r.openThreadCount) }));
}

/** The workspace's active members of active accounts by name (for its editors; else none). */
export async function selectMemberRows(tx: Tx, { workspaceId, userId }: { workspaceId: string; userId: string }): Promise<ApiPerson[]> {
  return tx.$queryRaw<ApiPerson[]>(Prisma.sql`SELECT u."id", u."name" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."workspaceId" = ${workspaceId} AND m."active" = true AND u."active" = true AND ${editorOf(userId, workspaceId)}
    ORDER BY u."name", u."id"`);
}

/** The workspace's rating scale with its live verdicts in order (as getScale), or null. */
export async function selectScale(tx: Tx, workspaceId: string): Promise<ApiScale | null> {
  const rows = await tx.$queryRaw<
    { name: string; bestRating: number; worstRating: number; key: string | null; label: string; description: string; color: string; order: number; ratingValue: number | null }[]
  >(Prisma.sql`SELECT s."name", s."bestRating", s."worstRating", v."key", v."label", v."description", v."color", v."order", v."ratingValue"
    FROM "RatingScale" s LEFT JOIN "Verdict" v ON v."scaleId" = s."id" AND v."archived" = false
    WHERE s."workspaceId" = ${workspaceId} ORDER BY v."order", v."id"`);
  if (!rows.length) return null;
  const { name, bestRating, worstRating } = rows[0];
  const verdicts = rows.flatMap((v) =>
    v.key === null ? [] : [{ key: v.key, label: v.label, description: v.description, color: v.color, order: v.order, ratingValue: v.ratingValue }],
  );
  return { workspaceId, name, bestRating, worstRating, verdicts };
}
