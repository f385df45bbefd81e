import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inviteUserSchema, type InviteUserInput } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { generateInvitationToken, invitationPath, INVITATION_TTL_DAYS } from "./invitation-token";

export interface InviteUserResult {
  invitationId: string;
  email: string;
  role: Role;
  expiresAt: string;
  /** Path of the invitation link (/invite/<token>). Shown once: only its hash is stored. */
  path: string;
}

/**
 * An admin invites an email address to the workspace. No email is sent: the admin copies the
 * link and passes it on. A newer invitation for the same email replaces the pending one.
 */
export async function inviteUser({
  actor: maybeActor,
  workspaceId,
  input: rawInput,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: InviteUserInput;
}): Promise<InviteUserResult> {
  const actor = requireActor(maybeActor);
  const input = inviteUserSchema.parse(rawInput);
  const { token, tokenHash } = generateInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const member = await tx.membership.findFirst({ where: { workspaceId, user: { email: input.email } } });
    if (member) throw new AppError("CONFLICT", `${input.email} is already a member of this workspace.`);
    // One pending invitation per email: the older link stops working.
    await tx.invitation.updateMany({
      where: { workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.invitation.create({
      data: { workspaceId, email: input.email, role: input.role, tokenHash, invitedById: actor.userId, expiresAt },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Invitation",
      entityId: invitation.id,
      action: "invitation.create",
      after: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: invitation.id, email: input.email, role: input.role, expiresAt: expiresAt.toISOString(), path: invitationPath(token) };
  });
}
