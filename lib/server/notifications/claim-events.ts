import "server-only";
import type { Tx } from "@/lib/db";
import { approversOf, notify } from "./notify";

// Who hears about a claim's workflow step, written in the step's own transaction.

const quote = (statement: string) => `“${statement.length > 80 ? `${statement.slice(0, 79)}…` : statement}”`;

export async function notifyClaimEvents(
  tx: Tx,
  e: {
    row: { id: string; articleId: string; statement: string; createdById: string; article: { workspaceId: string } };
    actorId: string;
    from: string;
    to: string;
    reviewReason: string | null;
    newAssigneeId: string | null;
  },
): Promise<void> {
  const base = { workspaceId: e.row.article.workspaceId, actorId: e.actorId, claimId: e.row.id, articleId: e.row.articleId };
  const what = quote(e.row.statement);
  if (e.to === "IN_REVIEW" && (e.from === "DRAFT" || e.reviewReason)) {
    await notify(tx, {
      ...base,
      type: "REVIEW_REQUESTED",
      recipients: await approversOf(tx, base.workspaceId, e.row.createdById),
      message: e.reviewReason ? `${e.reviewReason}: ${what}` : `Submitted for review: ${what}`,
    });
  } else if (e.to === "APPROVED" && e.from !== "APPROVED") {
    await notify(tx, { ...base, type: "APPROVED", recipients: [e.row.createdById], message: `Approved: ${what}` });
  } else if (e.from !== e.to && (e.to === "DRAFT" || e.to === "IN_REVIEW")) {
    await notify(tx, { ...base, type: "CHANGES_REQUESTED", recipients: [e.row.createdById], message: `Changes requested: ${what}` });
  }
  if (e.newAssigneeId) {
    await notify(tx, { ...base, type: "ASSIGNED", recipients: [e.newAssigneeId], message: `Assigned to you: ${what}` });
  }
}

/**
 * Before a publication flips APPROVED claims to PUBLISHED: one notification per author (not per
 * claim, so a large article does not flood the bell), leading to the claim when it is just one.
 */
export async function notifyAuthorsOfPublication(
  tx: Tx,
  p: { articleId: string; articleTitle: string; workspaceId: string; actorId: string; correction: boolean },
): Promise<void> {
  const groups = await tx.claim.groupBy({
    by: ["createdById"],
    where: { articleId: p.articleId, deletedAt: null, status: "APPROVED", createdById: { not: p.actorId } },
    _count: { _all: true },
    _min: { id: true },
  });
  const title = p.articleTitle.length > 80 ? `${p.articleTitle.slice(0, 79)}…` : p.articleTitle;
  for (const g of groups) {
    const n = g._count._all;
    const one = n === 1 ? await tx.claim.findUnique({ where: { id: g._min.id! }, select: { id: true, statement: true } }) : null;
    await notify(tx, {
      type: "PUBLISHED",
      workspaceId: p.workspaceId,
      actorId: p.actorId,
      recipients: [g.createdById],
      articleId: p.articleId,
      claimId: one?.id ?? null,
      message: one
        ? `Published${p.correction ? " in a correction" : ""}: ${quote(one.statement)} in “${title}”`
        : `${n} of your claims published${p.correction ? " in a correction" : ""} in “${title}”`,
    });
  }
}

/** A reply in a thread: everyone who wrote in it hears, except the replier and those @mentioned (they get the mention). */
export async function notifyThreadReply(
  tx: Tx,
  r: { threadId: string; commentId: string; claim: { id: string; articleId: string; statement: string; article: { workspaceId: string } }; actorId: string; mentioned: readonly string[] },
): Promise<void> {
  const writers = await tx.comment.findMany({
    where: { OR: [{ id: r.threadId }, { parentId: r.threadId }], deletedAt: null },
    select: { authorId: true },
    distinct: ["authorId"],
  });
  const skip = new Set(r.mentioned);
  await notify(tx, {
    type: "REPLY",
    workspaceId: r.claim.article.workspaceId,
    actorId: r.actorId,
    recipients: writers.map((w) => w.authorId).filter((id) => !skip.has(id)),
    claimId: r.claim.id,
    articleId: r.claim.articleId,
    commentId: r.commentId,
    message: `Replied in a thread on ${quote(r.claim.statement)}`,
  });
}
