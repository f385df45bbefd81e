import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { signalAccessChange } from "@/lib/server/live/signal-access";

/**
 * A SITE admin deactivates (or reactivates) an account everywhere: it cannot sign in, its
 * sessions end at once and its API tokens stop working, in every workspace. Workspace admins
 * deactivate memberships instead (set-user-active.ts).
 */
export async function setAccountActive({ actor: maybeActor, userId, active }: { actor: MaybeActor; userId: string; active: boolean }) {
  const actor = requireActor(maybeActor);
  if (!actor.isSuperAdmin) throw forbidden("Only a site administrator can deactivate an account everywhere. Deactivate the member in your workspace instead.");
  if (!active && userId === actor.userId) throw new AppError("CONFLICT", "You cannot deactivate your own account. Ask another site administrator to do it.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User");
    if (user.active !== active) {
      await tx.user.update({ where: { id: userId }, data: { active } });
      await recordAudit(tx, {
        workspaceId: null,
        actorId: actor.userId,
        entityType: "User",
        entityId: userId,
        action: active ? "user.reactivate" : "user.deactivate",
        fields: ["active"],
        before: { active: user.active },
        after: { active },
      });
    }
    if (!active) await revokeUserSessions(userId, tx);
    await signalAccessChange(tx, userId);
    return { userId, active };
  });
}
