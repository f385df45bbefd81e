import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { PendingInvitation } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";

/** Invitations not yet accepted, revoked or expired (admins only). */
export async function listPendingInvitations({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<PendingInvitation[]> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, ["ADMIN"]);
  const rows = await db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role as Role,
    invitedBy: i.invitedBy.name,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  }));
}
