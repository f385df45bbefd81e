import "server-only";
import type { Tx } from "@/lib/db";
import type { NotificationType } from "@/lib/schemas/notification";

// Writes notifications inside the caller's transaction, so they exist exactly when the event
// does. The actor is never notified of their own action.

export interface NotifyInput {
  type: NotificationType;
  workspaceId: string;
  actorId: string;
  recipients: readonly (string | null | undefined)[];
  claimId?: string | null;
  articleId?: string | null;
  commentId?: string | null;
  message: string;
}

export async function notify(tx: Tx, n: NotifyInput): Promise<number> {
  const to = [...new Set(n.recipients.filter((u): u is string => Boolean(u) && u !== n.actorId))];
  if (to.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: to.map((userId) => ({
      userId,
      workspaceId: n.workspaceId,
      type: n.type,
      actorId: n.actorId,
      claimId: n.claimId ?? null,
      articleId: n.articleId ?? null,
      commentId: n.commentId ?? null,
      message: n.message.slice(0, 300),
    })),
  });
  return count;
}

/** Members who may approve a claim by `authorId` (editors and admins, not the author when the rule requires it). */
export async function approversOf(tx: Tx, workspaceId: string, authorId: string): Promise<string[]> {
  const ws = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireIndependentApproval: true } });
  const rows = await tx.membership.findMany({
    where: { workspaceId, role: { in: ["ADMIN", "EDITOR"] }, user: { active: true }, ...(ws.requireIndependentApproval ? { userId: { not: authorId } } : {}) },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}
