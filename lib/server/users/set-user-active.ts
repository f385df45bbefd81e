import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { assertNotLastAdmin } from "@/lib/server/members/last-admin";
import { signalAccessChange } from "@/lib/server/live/signal-access";

// Shared by deactivate-user.ts and reactivate-user.ts: the two differ only in direction. Deactivation
// is per membership; only a site admin deactivates an account everywhere (set-account-active.ts).
export async function setUserActive({
  actor: maybeActor,
  workspaceId,
  userId,
  active,
}: {
  actor: MaybeActor;
  workspaceId: string;
  userId: string;
  active: boolean;
}): Promise<{ userId: string; active: boolean }> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    // Admins manage members of their own workspace only: anyone else is not found.
    const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, include: { user: true } });
    if (!membership) throw notFound("Member");
    const user = membership.user;
    if (membership.active === active) return { userId, active };
    if (!active) {
      if (userId === actor.userId) throw new AppError("CONFLICT", "You cannot deactivate yourself. Ask another admin to do it.");
      if (user.isSuperAdmin && !actor.isSuperAdmin) throw forbidden("Only a site administrator can deactivate a site administrator.");
      if (membership.role === "ADMIN") await assertNotLastAdmin(tx, workspaceId, userId, `Deactivating ${user.name}`);
    }
    // Only this membership: the account and its other workspaces are untouched.
    await tx.membership.update({ where: { id: membership.id }, data: { active, deactivatedAt: active ? null : new Date() } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Membership",
      entityId: membership.id,
      action: active ? "membership.reactivate" : "membership.deactivate",
      fields: ["active"],
      before: { userId, active: membership.active },
      after: { userId, active },
    });
    await signalAccessChange(tx, userId);
    return { userId, active };
  });
}
