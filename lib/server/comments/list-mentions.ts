import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/server/access";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";

/** The actor's mentions on claims they can still see, newest first, with the unread count. */
export async function listMentions({ actor: maybeActor, unreadOnly = false }: { actor: MaybeActor; unreadOnly?: boolean }) {
  const actor = requireActor(maybeActor);
  const where = {
    userId: actor.userId,
    comment: { deletedAt: null, claim: readableClaimWhere(actor) },
    ...(unreadOnly ? { readAt: null } : {}),
  };
  const [rows, unread] = await Promise.all([
    db.mention.findMany({
      where,
      include: { comment: { select: { id: true, body: true, claimId: true, createdAt: true, author: { select: { id: true, name: true } }, claim: { select: { articleId: true, statement: true } } } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db.mention.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    unread,
    mentions: rows.map((m) => ({
      id: m.id,
      read: m.readAt !== null,
      createdAt: m.createdAt.toISOString(),
      commentId: m.comment.id,
      claimId: m.comment.claimId,
      articleId: m.comment.claim.articleId,
      claimStatement: m.comment.claim.statement,
      author: m.comment.author,
      body: m.comment.body,
    })),
  };
}
