import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { markMentionsReadSchema, type MarkMentionsReadInput } from "@/lib/schemas/mention";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { visibleMentionWhere } from "./mention-shape";

/**
 * Marks the actor's unread mentions read: the given ids, or all of them when `ids` is absent.
 * Ids that are not the actor's (or no longer visible to them) are skipped, never an error, so
 * the answer does not reveal whether someone else's mention exists.
 */
export async function markMentionsRead({
  actor: maybeActor,
  input: rawInput = {},
}: {
  actor: MaybeActor;
  input?: MarkMentionsReadInput;
}): Promise<{ marked: number; unread: number }> {
  const actor = requireActor(maybeActor);
  const { ids } = markMentionsReadSchema.parse(rawInput);
  const visible = visibleMentionWhere(actor);
  return db.$transaction(async (tx) => {
    const { count } = await tx.mention.updateMany({
      where: { ...visible, readAt: null, ...(ids ? { id: { in: [...new Set(ids)] } } : {}) },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      // Personal inbox state, not a workspace change: one row per call, outside any workspace.
      await recordAudit(tx, {
        workspaceId: null,
        actorId: actor.userId,
        entityType: "User",
        entityId: actor.userId,
        action: "mentions.read",
        fields: ["readAt"],
        after: { marked: count, scope: ids ? "selected" : "all" },
      });
    }
    const unread = await tx.mention.count({ where: { ...visible, readAt: null } });
    return { marked: count, unread };
  });
}
