import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { MENTION_LIMITS, type ApiMentionList } from "@/lib/schemas/mention";
import { requireActor } from "@/lib/server/access";
import { mentionInclude, toApiMention, visibleMentionWhere } from "./mention-shape";

/** The actor's mentions on claims they can still see, newest first, with the unread count. */
export async function listMentions({
  actor: maybeActor,
  unreadOnly = false,
  limit = MENTION_LIMITS.list,
}: {
  actor: MaybeActor;
  unreadOnly?: boolean;
  limit?: number;
}): Promise<ApiMentionList> {
  const actor = requireActor(maybeActor);
  const where = visibleMentionWhere(actor);
  const [rows, unread] = await Promise.all([
    db.mention.findMany({
      where: unreadOnly ? { ...where, readAt: null } : where,
      include: mentionInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(1, Math.trunc(limit)), MENTION_LIMITS.list),
    }),
    db.mention.count({ where: { ...where, readAt: null } }),
  ]);
  return { unread, mentions: rows.map(toApiMention) };
}
