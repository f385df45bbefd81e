import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { markNotificationsReadSchema, type ApiNotification, type ApiNotificationList, type MarkNotificationsReadInput, type NotificationType } from "@/lib/schemas/notification";
import { memberOf, requireActor } from "@/lib/server/access";

// The caller's notifications, only for workspaces they still belong to and claims still live.

function visibleWhere(userId: string, actor: Parameters<typeof memberOf>[0]) {
  return { userId, workspace: memberOf(actor), OR: [{ claimId: null }, { claim: { deletedAt: null } }] };
}

export async function listNotifications({
  actor: maybeActor,
  unreadOnly = false,
  limit = 50,
}: {
  actor: MaybeActor;
  unreadOnly?: boolean;
  limit?: number;
}): Promise<ApiNotificationList> {
  const actor = requireActor(maybeActor);
  const where = visibleWhere(actor.userId, actor);
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: unreadOnly ? { ...where, readAt: null } : where,
      include: { actor: { select: { id: true, name: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(1, Math.trunc(limit)), 100),
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    unread,
    notifications: rows.map(
      (r): ApiNotification => ({
        id: r.id,
        type: r.type as NotificationType,
        message: r.message,
        actor: r.actor,
        claimId: r.claimId,
        articleId: r.articleId,
        href: r.articleId ? `/articles/${r.articleId}${r.claimId ? `?claim=${r.claimId}` : ""}` : null,
        readAt: r.readAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      }),
    ),
  };
}

/** Marks the given notifications (or all) of the caller read; others' ids are skipped silently. */
export async function markNotificationsRead({ actor: maybeActor, input = {} }: { actor: MaybeActor; input?: MarkNotificationsReadInput }) {
  const actor = requireActor(maybeActor);
  const { ids } = markNotificationsReadSchema.parse(input);
  const where = { ...visibleWhere(actor.userId, actor), readAt: null, ...(ids ? { id: { in: [...new Set(ids)] } } : {}) };
  const { count } = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  const unread = await db.notification.count({ where: { ...visibleWhere(actor.userId, actor), readAt: null } });
  return { marked: count, unread };
}
