import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Role } from "@/lib/schemas/enums";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";

export interface MyInvitation {
  id: string;
  workspaceName: string;
  role: Role;
  invitedBy: string;
  expiresAt: string;
}

const pendingFor = (email: string) => ({ email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

/** Invitations waiting for the signed-in account (shown as a banner in the app). */
export async function listMyInvitations({ actor: maybeActor }: { actor: MaybeActor }): Promise<MyInvitation[]> {
  const actor = requireActor(maybeActor);
  // Raw SQL (the pendingFor rule): the app layout asks on every page view.
  const rows = await db.$queryRaw<(Omit<MyInvitation, "expiresAt"> & { expiresAt: Date })[]>(Prisma.sql`SELECT i."id", w."name" AS "workspaceName", i."role", u."name" AS "invitedBy", i."expiresAt"
    FROM "Invitation" i JOIN "Workspace" w ON w."id" = i."workspaceId" JOIN "User" u ON u."id" = i."invitedById"
    WHERE i."email" = ${actor.email} AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > ${new Date()}
    ORDER BY i."createdAt", i."id"`);
  return rows.map((i) => ({ id: i.id, workspaceName: i.workspaceName, role: i.role, invitedBy: i.invitedBy, expiresAt: i.expiresAt.toISOString() }));
}

const GONE = "This invitation is no longer open (it was answered, withdrawn or has expired).";

/**
 * The account's owner answers an invitation addressed to their email: accepting adds the
 * membership, declining closes the invitation. Only one answer wins (conditional update).
 */
export async function answerMyInvitation({ actor: maybeActor, invitationId, accept }: { actor: MaybeActor; invitationId: string; accept: boolean }) {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, email: actor.email } });
    if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found.");
    const now = new Date();
    const claimed = await tx.invitation.updateMany({
      where: { id: invitationId, ...pendingFor(actor.email) },
      data: accept ? { acceptedAt: now } : { revokedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("GONE", GONE);
    let membershipId: string | null = null;
    if (accept) {
      const membership = await tx.membership.upsert({
        where: { userId_workspaceId: { userId: actor.userId, workspaceId: invitation.workspaceId } },
        create: { userId: actor.userId, workspaceId: invitation.workspaceId, role: invitation.role },
        update: {},
      });
      membershipId = membership.id;
    }
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: actor.userId,
      entityType: "Invitation",
      entityId: invitation.id,
      action: accept ? "invitation.accept" : "invitation.decline",
      after: { userId: actor.userId, email: actor.email, role: invitation.role, membershipId },
    });
    return { workspaceId: invitation.workspaceId, accepted: accept };
  });
}
