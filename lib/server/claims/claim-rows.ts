import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Role } from "@/lib/schemas/enums";
import type { ClaimRow, SourceRow } from "./claim-shape";

// Claim rows as the API shapes them, read with two raw queries (the claims with their article,
// people and comment counts; then their sources). Prisma's `include` ran seven queries, compiled
// each one on every call and joined the rows in JS: ~13 ms of CPU for 100 claims, most of a claims
// API request (bench/api.bench.ts). Same SQL on SQLite and PostgreSQL; Prisma maps the types.

/** A claim row plus its open (unresolved, top-level) comment threads. */
export type ClaimRowWithThreads = ClaimRow & { openThreadCount: number };
/** ...and the role in the claim's workspace of the user asked about (null: not an active member). */
export type ClaimRowWithRole = ClaimRowWithThreads & { memberRole: Role | null };

// Listed, not `c.*`: a column added by a migration (a search vector) must not reach the API.
const CLAIM_COLUMNS = [
  "id", "articleId", "exact", "prefix", "suffix", "start", "end", "claimant", "statement", "verdictKey",
  "rationale", "status", "reviewReason", "approvedHash", "anchorState", "anchorScore", "previousExact",
  "anchoredRevision", "assigneeId", "approvedById", "approvedAt", "publishedAt", "version", "createdById",
  "updatedById", "createdAt", "updatedAt", "deletedAt",
] as const satisfies readonly (keyof Prisma.ClaimGetPayload<object>)[];

const SOURCE_COLUMNS = [
  "id", "claimId", "url", "title", "publisher", "publishedOn", "accessedOn", "excerpt", "stance",
  "archiveUrl", "position", "version", "createdById", "createdAt", "updatedAt",
] as const satisfies readonly (keyof SourceRow)[];

const columns = (alias: string, names: readonly string[]) => Prisma.raw(names.map((n) => `${alias}."${n}"`).join(", "));

const selectClaims = (roleFor: string | undefined) => Prisma.sql`SELECT ${columns("c", CLAIM_COLUMNS)},
  ${roleFor ? Prisma.sql`(${memberRoleSql(roleFor, Prisma.sql`a."workspaceId"`)})` : Prisma.sql`NULL`} AS "memberRole",
  a."workspaceId" AS "articleWorkspaceId", a."status" AS "articleStatus",
  cb."name" AS "createdByName", ub."name" AS "updatedByName", ab."name" AS "approvedByName", asg."name" AS "assigneeName",
  (SELECT COUNT(*) FROM "Comment" k WHERE k."claimId" = c."id" AND k."deletedAt" IS NULL) AS "commentCount",
  (SELECT COUNT(*) FROM "Comment" k WHERE k."claimId" = c."id" AND k."parentId" IS NULL AND k."resolved" = false AND k."deletedAt" IS NULL) AS "openThreadCount"
FROM "Claim" c
JOIN "Article" a ON a."id" = c."articleId"
JOIN "User" cb ON cb."id" = c."createdById"
JOIN "User" ub ON ub."id" = c."updatedById"
LEFT JOIN "User" ab ON ab."id" = c."approvedById"
LEFT JOIN "User" asg ON asg."id" = c."assigneeId"`;

/** Document order, the order the claims API pages in (its cursor is these four columns). */
export const DOCUMENT_ORDER = Prisma.sql`ORDER BY c."start", c."end", c."createdAt", c."id"`;

interface RawExtras {
  articleWorkspaceId: string;
  articleStatus: string;
  createdByName: string;
  updatedByName: string;
  approvedByName: string | null;
  assigneeName: string | null;
  commentCount: bigint | number;
  openThreadCount: bigint | number;
  memberRole: string | null;
}
type RawClaim = Omit<ClaimRow, "article" | "createdBy" | "updatedBy" | "approvedBy" | "assignee" | "sources" | "_count"> & RawExtras;

/**
 * Claims matching `where` (SQL over `c` the claim and `a` its article), in `order`, at most
 * `limit`, with their sources unless `sources` is false (then `sources` is empty), and the role
 * of the user `roleFor` in each claim's workspace.
 */
export async function selectClaimRows(
  tx: Tx,
  { where, order = DOCUMENT_ORDER, limit, sources = true, roleFor }: { where: Prisma.Sql; order?: Prisma.Sql; limit?: number; sources?: boolean; roleFor?: string },
): Promise<ClaimRowWithRole[]> {
  const raw = await tx.$queryRaw<RawClaim[]>(
    Prisma.sql`${selectClaims(roleFor)} WHERE ${where} ${order} ${limit !== undefined ? Prisma.sql`LIMIT ${limit}` : Prisma.empty}`,
  );
  const byClaim = sources ? await selectSources(tx, raw.map((r) => r.id)) : new Map<string, SourceRow[]>();
  return raw.map((r) => toClaimRow(r, byClaim.get(r.id) ?? []));
}

/** One live or trashed claim by id with everything the API shape needs, or null. */
export async function loadClaimRowById(tx: Tx, claimId: string): Promise<ClaimRowWithThreads | null> {
  return (await selectClaimRows(tx, { where: Prisma.sql`c."id" = ${claimId}` }))[0] ?? null;
}

/**
 * A live claim of a live article with the user's role in its workspace (null when not an active
 * member): the caller decides what that role may see (see loadReadableClaim).
 */
export async function loadLiveClaimRowWithRole(tx: Tx, claimId: string, userId: string): Promise<ClaimRowWithRole | null> {
  const where = Prisma.sql`c."id" = ${claimId} AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL`;
  return (await selectClaimRows(tx, { where, roleFor: userId }))[0] ?? null;
}

export interface ArticleWithRole {
  id: string;
  workspaceId: string;
  status: string;
  /** The user's role in the article's workspace; null when not an active member. */
  role: Role | null;
  canonicalText?: string;
  document?: string;
}

/**
 * A live article with the user's role in its workspace, in one query (with its text and document
 * when `withText`); null when there is no such live article. See roleReadsArticle.
 */
export async function loadArticleWithRole(tx: Tx, articleId: string, userId: string, { withText = false } = {}): Promise<ArticleWithRole | null> {
  const text = withText ? Prisma.sql`, a."canonicalText", a."document"` : Prisma.empty;
  const [article] = await tx.$queryRaw<ArticleWithRole[]>(Prisma.sql`SELECT a."id", a."workspaceId", a."status"${text},
    (${memberRoleSql(userId, Prisma.sql`a."workspaceId"`)}) AS "role" FROM "Article" a WHERE a."id" = ${articleId} AND a."deletedAt" IS NULL`);
  return article ?? null;
}

/** SQL for the user's role in a workspace when their membership and account are active, else NULL. */
export function memberRoleSql(userId: string, workspaceId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT m."role" FROM "Membership" m JOIN "User" mu ON mu."id" = m."userId"
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ${userId} AND m."active" = true AND mu."active" = true`;
}

async function selectSources(tx: Tx, claimIds: string[]): Promise<Map<string, SourceRow[]>> {
  const byClaim = new Map<string, SourceRow[]>();
  // In chunks: SQLite caps the number of query parameters.
  for (let i = 0; i < claimIds.length; i += 500) {
    const rows = await tx.$queryRaw<SourceRow[]>(Prisma.sql`SELECT ${columns("s", SOURCE_COLUMNS)} FROM "Source" s
      WHERE s."claimId" IN (${Prisma.join(claimIds.slice(i, i + 500))}) ORDER BY s."position", s."createdAt"`);
    for (const s of rows) {
      const list = byClaim.get(s.claimId);
      if (list) list.push(s);
      else byClaim.set(s.claimId, [s]);
    }
  }
  return byClaim;
}

function toClaimRow(r: RawClaim, sources: SourceRow[]): ClaimRowWithRole {
  // One object literal: rows built by copying or rest patterns became dictionaries, and every
  // later read of them (toApiClaim) was slow (both showed in the CPU profile of the claims list).
  return {
    id: r.id,
    articleId: r.articleId,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start,
    end: r.end,
    claimant: r.claimant,
    statement: r.statement,
    verdictKey: r.verdictKey,
    rationale: r.rationale,
    status: r.status,
    reviewReason: r.reviewReason,
    approvedHash: r.approvedHash,
    anchorState: r.anchorState,
    anchorScore: r.anchorScore,
    previousExact: r.previousExact,
    anchoredRevision: r.anchoredRevision,
    assigneeId: r.assigneeId,
    approvedById: r.approvedById,
    approvedAt: r.approvedAt,
    publishedAt: r.publishedAt,
    version: r.version,
    createdById: r.createdById,
    updatedById: r.updatedById,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
    article: { id: r.articleId, workspaceId: r.articleWorkspaceId, status: r.articleStatus },
    createdBy: { id: r.createdById, name: r.createdByName },
    updatedBy: { id: r.updatedById, name: r.updatedByName },
    approvedBy: r.approvedById && r.approvedByName !== null ? { id: r.approvedById, name: r.approvedByName } : null,
    assignee: r.assigneeId && r.assigneeName !== null ? { id: r.assigneeId, name: r.assigneeName } : null,
    sources,
    _count: { comments: Number(r.commentCount) },
    openThreadCount: Number(r.openThreadCount),
    memberRole: r.memberRole as Role | null,
  };
}
