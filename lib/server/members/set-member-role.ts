import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { setMemberRoleSchema } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { assertNotLastAdmin } from "./last-admin";
import { signalAccessChange } from "@/lib/server/live/signal-access";

/** Changes a member's role in the workspace (admins only; the last admin cannot be demoted). */
export async function setMemberRole({
  actor: maybeActor,
  workspaceId,
  userId,
  role: rawRole,
}: {
  actor: MaybeActor;
  workspaceId: string;
  userId: string;
  role: Role;
}): Promise<{ userId: string; role: Role }> {
  const actor = requireActor(maybeActor);
  const { role } = setMemberRoleSchema.parse({ role: rawRole });
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const membership = await tx.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, include: { user: true } });
    if (!membership) throw notFound("Member");
    if (membership.role === role) return { userId, role };
    if (membership.role === "ADMIN") await assertNotLastAdmin(tx, workspaceId, userId, `Changing ${membership.user.name} to ${role.toLowerCase()}`);
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Membership",
      entityId: membership.id,
      action: "membership.role",
      fields: ["role"],
      before: { userId, role: membership.role },
      after: { userId, role },
    });
    await signalAccessChange(tx, userId);
    return { userId, role };
  });
}
