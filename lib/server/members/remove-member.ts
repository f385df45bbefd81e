import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { assertNotLastAdmin } from "./last-admin";
import { signalAccessChange } from "@/lib/server/live/signal-access";

/** Removes a member from the workspace; their account and other memberships stay. */
export async function removeMember({
  actor: maybeActor,
  workspaceId,
  userId,
}: {
  actor: MaybeActor;
  workspaceId: string;
  userId: string;
}): Promise<{ userId: string }> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, include: { user: true } });
    if (!membership) throw notFound("Member");
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, workspaceId, userId, `Removing ${membership.user.name}`);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Membership",
      entityId: membership.id,
      action: "membership.remove",
      before: { userId, email: membership.user.email, role: membership.role },
    });
    await signalAccessChange(tx, userId);
    return { userId };
  });
}
