import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/schemas/admin";
import { recordAudit } from "@/lib/server/audit";
import { getInvitationByToken, INVITATION_USED } from "./get-invitation";
import { hashInvitationToken } from "./invitation-token";

export const EXISTING_ACCOUNT_PASSWORD =
  "An account with this email already exists. Enter its current password to accept the invitation.";

/**
 * PUBLIC: accepts an invitation with the link's token. A new email gets an account with the
 * chosen name and password; an existing account must prove its current password (so a leaked
 * link cannot take it over) and only gains the membership.
 */
export async function acceptInvitation({ token, input: rawInput }: { token: string; input: AcceptInvitationInput }): Promise<{ userId: string; email: string; workspaceId: string }> {
  const input = acceptInvitationSchema.parse(rawInput);
  const invitation = await getInvitationByToken(token);
  const existing = await db.user.findUnique({ where: { email: invitation.email } });
  if (existing && !existing.active) throw new AppError("FORBIDDEN", "This account has been deactivated. Ask a workspace admin to reactivate it.");
  if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError("UNAUTHORIZED", EXISTING_ACCOUNT_PASSWORD);
  }
  const passwordHash = existing?.passwordHash ? null : await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Claim the invitation first: of two concurrent accepts, only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash: hashInvitationToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("GONE", INVITATION_USED);
    const user = existing
      ? passwordHash
        ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, name: input.name } })
        : existing
      : await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash: passwordHash! } });
    const membership = await tx.membership.upsert({
      where: { userId_workspaceId: { userId: user.id, workspaceId: invitation.workspaceId } },
      create: { userId: user.id, workspaceId: invitation.workspaceId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      entityType: "Invitation",
      entityId: invitation.id,
      action: "invitation.accept",
      after: { userId: user.id, email: user.email, role: membership.role, newAccount: !existing },
    });
    return { userId: user.id, email: user.email, workspaceId: invitation.workspaceId };
  });
}
