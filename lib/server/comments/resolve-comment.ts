import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiComment } from "@/lib/schemas/claim";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";
import { commentInclude, toApiComment } from "./comment-shape";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { recordEvent } from "@/lib/server/live/record-event";

/** Resolves or reopens a comment thread (given any comment of it, the thread's first comment changes). */
export async function resolveComment({
  actor: maybeActor,
  commentId,
  resolved,
}: {
  actor: MaybeActor;
  commentId: string;
  resolved: boolean;
}): Promise<ApiComment> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const found = await tx.comment.findFirst({ where: { id: commentId, deletedAt: null, claim: readableClaimWhere(actor) } });
    if (!found) throw notFound("Comment");
    const { row } = await loadEditableClaim(tx, actor, found.claimId);
    const rootId = found.parentId ?? found.id;
    const updated = await tx.comment.update({
      where: { id: rootId },
      data: resolved ? { resolved: true, resolvedAt: new Date(), resolvedById: actor.userId } : { resolved: false, resolvedAt: null, resolvedById: null },
      include: commentInclude,
    });
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Comment",
      entityId: rootId,
      action: resolved ? "comment.resolve" : "comment.reopen",
      fields: ["resolved"],
      before: { resolved: !resolved },
      after: { resolved },
    });
    await recordEvent(tx, { ...claimAuditScope(row, actor), type: resolved ? "comment.resolved" : "comment.reopened", payload: { commentId: rootId } });
    return toApiComment(updated);
  });
}
