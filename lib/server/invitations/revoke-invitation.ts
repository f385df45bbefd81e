import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation({
  actor: maybeActor,
  workspaceId,
  invitationId,
}: {
  actor: MaybeActor;
  workspaceId: string;
  invitationId: string;
}): Promise<{ id: string }> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId } });
    if (!invitation) throw notFound("Invitation");
    if (invitation.acceptedAt) throw new AppError("CONFLICT", `${invitation.email} has already accepted this invitation; remove them from the members table instead.`);
    if (invitation.revokedAt) return { id: invitation.id };
    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Invitation",
      entityId: invitation.id,
      action: "invitation.revoke",
      before: { email: invitation.email, role: invitation.role },
    });
    return { id: invitation.id };
  });
}
