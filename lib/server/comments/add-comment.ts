import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createCommentSchema, type ApiComment, type CreateCommentInput } from "@/lib/schemas/claim";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { commentHtml, richTextIsEmpty } from "@/lib/server/claims/sanitize";
import { commentInclude, toApiComment } from "./comment-shape";
import { parseMentions } from "./parse-mentions";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { recordEvent } from "@/lib/server/live/record-event";
import { notifyThreadReply } from "@/lib/server/notifications/claim-events";

/**
 * Adds a comment to a claim, or a reply to a thread (parentId: any comment of the thread;
 * replies always hang off the thread's first comment). Mentions become Mention rows.
 */
export async function addComment({
  actor: maybeActor,
  claimId,
  input: rawInput,
}: {
  actor: MaybeActor;
  claimId: string;
  input: CreateCommentInput;
}): Promise<ApiComment> {
  const input = createCommentSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: input.parentId, claimId, deletedAt: null } });
      if (!parent) throw new AppError("UNPROCESSABLE", "The comment you are replying to is not on this claim (it may have been deleted).");
      parentId = parent.parentId ?? parent.id;
    }
    const members = await tx.membership.findMany({
      where: { workspaceId: row.article.workspaceId, active: true, user: { active: true } },
      select: { user: { select: { id: true, name: true, email: true } } },
    });
    const { text, userIds } = parseMentions(input.body, members.map((m) => m.user));
    const body = commentHtml(text);
    if (richTextIsEmpty(body)) throw new AppError("UNPROCESSABLE", "The comment is empty once formatting is removed: write some text.");
    const mentioned = userIds.filter((id) => id !== actor.userId);
    const comment = await tx.comment.create({
      data: {
        claimId,
        parentId,
        authorId: actor.userId,
        body,
        mentions: { create: mentioned.map((userId) => ({ userId })) },
      },
      include: commentInclude,
    });
    // A reply reopens a resolved thread: the conversation is live again.
    if (parentId) await tx.comment.updateMany({ where: { id: parentId, resolved: true }, data: { resolved: false, resolvedAt: null, resolvedById: null } });
    if (parentId) await notifyThreadReply(tx, { threadId: parentId, commentId: comment.id, claim: row, actorId: actor.userId, mentioned });
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Comment",
      entityId: comment.id,
      action: parentId ? "comment.reply" : "comment.create",
      after: { parentId, mentions: mentioned },
    });
    await recordEvent(tx, { ...claimAuditScope(row, actor), type: "comment.created", payload: { commentId: comment.id, parentId } });
    return toApiComment(comment);
  });
}
