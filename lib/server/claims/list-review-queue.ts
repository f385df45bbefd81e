import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/sqlite/client";
import { CLAIM_STATUSES, EDITING_ROLES } from "@/lib/schemas/enums";
import type { ReviewQueuePage, ReviewQueueQuery, StatusCounts } from "@/lib/schemas/review-queue";
import { requireActor, requireMembership } from "@/lib/server/access";

// The review queue: every live claim of the workspace's live articles, filtered and
// keyset-paged by (updatedAt, id), for editors and admins.

type Filters = Omit<ReviewQueueQuery, "cursor" | "limit" | "workspace" | "sort">;

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(Number(ms));
  if (!id || Number.isNaN(at.getTime())) throw new AppError("BAD_REQUEST", "That cursor is not valid: pass nextCursor from the previous page, or leave it out to start again.");
  return { at, id };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.getTime()}|${id}`, "utf8").toString("base64url");

function queueWhere(userId: string, workspaceId: string, independent: boolean, f: Filters) {
  const and: object[] = [];
  if (f.status) and.push({ status: f.status });
  if (f.verdict) and.push({ verdictKey: f.verdict === "none" ? null : f.verdict });
  if (f.assignee) and.push({ assigneeId: f.assignee === "none" ? null : f.assignee === "me" ? userId : f.assignee });
  if (f.author) and.push({ createdById: f.author === "me" ? userId : f.author });
  if (f.article) and.push({ articleId: f.article });
  if (f.from) and.push({ updatedAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ updatedAt: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  if (f.waiting === "mine") and.push({ status: "IN_REVIEW", ...(independent ? { createdById: { not: userId } } : {}) });
  return { deletedAt: null, article: { workspaceId, deletedAt: null }, AND: and };
}

export async function listReviewQueue({
  actor: maybeActor,
  workspaceId,
  query,
}: {
  actor: MaybeActor;
  workspaceId: string;
  query: Omit<ReviewQueueQuery, "workspace">;
}): Promise<ReviewQueuePage> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireIndependentApproval: true } });
  const { cursor, limit = 50, sort = "oldest", ...filters } = query;
  const dir = sort === "oldest" ? "asc" : "desc";
  const where = queueWhere(actor.userId, workspaceId, workspace.requireIndependentApproval, filters);
  if (cursor) {
    const c = decodeCursor(cursor);
    const cmp = dir === "asc" ? "gt" : "lt";
    where.AND.push({ OR: [{ updatedAt: { [cmp]: c.at } }, { updatedAt: c.at, id: { [cmp]: c.id } }] });
  }
  const rows = await db.claim.findMany({
    where,
    orderBy: [{ updatedAt: dir }, { id: dir }],
    take: limit + 1,
    select: {
      id: true,
      statement: true,
      status: true,
      verdictKey: true,
      reviewReason: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      article: { select: { id: true, title: true } },
      createdBy: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      statement: r.statement,
      status: r.status as ReviewQueuePage["items"][number]["status"],
      verdict: r.verdictKey,
      reviewReason: r.reviewReason,
      article: r.article,
      author: r.createdBy,
      assignee: r.assignee,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}

/** Live claims per status, and how many wait for the actor's review (the "Review 5" link). */
export async function countReviewQueue({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<{ byStatus: StatusCounts; waitingForMe: number }> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireIndependentApproval: true } });
  const base = { deletedAt: null, article: { workspaceId, deletedAt: null } };
  const [groups, waitingForMe] = await Promise.all([
    db.claim.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    db.claim.count({ where: queueWhere(actor.userId, workspaceId, workspace.requireIndependentApproval, { waiting: "mine" }) }),
  ]);
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const g of groups) if (g.status in byStatus) byStatus[g.status as keyof StatusCounts] = g._count._all;
  return { byStatus, waitingForMe };
}

/**
 * Only how many claims wait for the actor's review (the header's "Review n" link on every app
 * page): one indexed count, without countReviewQueue's per-status grouping of the workspace.
 */
export async function countWaitingForMe({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<number> {
  const actor = requireActor(maybeActor);
  // One raw query on every page view (the app header shows it): the membership (requireMembership's
  // rule), the workspace's approval rule and the count of queueWhere(..., { waiting: "mine" }).
  const [row] = await db.$queryRaw<{ role: string; waiting: bigint | number | null }[]>(Prisma.sql`SELECT m."role",
    CASE WHEN m."role" IN ('ADMIN', 'EDITOR') THEN (SELECT COUNT(*) FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
      WHERE a."workspaceId" = w."id" AND a."deletedAt" IS NULL AND c."deletedAt" IS NULL AND c."status" = 'IN_REVIEW'
        AND (w."requireIndependentApproval" = false OR c."createdById" <> ${actor.userId})) END AS "waiting"
    FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w."id" JOIN "User" u ON u."id" = m."userId"
    WHERE w."id" = ${workspaceId} AND m."userId" = ${actor.userId} AND m."active" = true AND u."active" = true`);
  if (!row) throw notFound("Workspace");
  if (row.waiting === null) throw forbidden("Only editors and admins of this workspace can do that.");
  return Number(row.waiting);
}

/** Active members of the workspace, for the queue's assignee and author filters. */
export async function listQueuePeople({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }) {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const rows = await db.membership.findMany({
    where: { workspaceId, role: { in: [...EDITING_ROLES] }, active: true, user: { active: true } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  return rows.map((r) => r.user);
}
