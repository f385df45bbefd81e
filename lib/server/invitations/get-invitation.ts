import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/enums";
import { hashInvitationToken, isWellFormedInvitationToken } from "./invitation-token";

export const INVITATION_INVALID = "This invitation link is not valid. Check that you copied the whole link, or ask a workspace admin for a new one.";
export const INVITATION_USED = "This invitation has already been used. Sign in with your email and password.";
export const INVITATION_REVOKED = "This invitation has been withdrawn. Ask a workspace admin for a new one.";
export const INVITATION_EXPIRED = "This invitation has expired. Ask a workspace admin for a new one.";

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  invitedBy: string;
  expiresAt: string;
  /** True when an account with this email already exists (the page then asks for its password). */
  accountExists: boolean;
}

/**
 * PUBLIC lookup for the invitation page: possession of the link is the authorisation.
 * Unknown, used, revoked and expired links each get a clear message.
 */
export async function getInvitationByToken(token: string): Promise<InvitationView> {
  if (!isWellFormedInvitationToken(token)) throw new AppError("NOT_FOUND", INVITATION_INVALID);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: { select: { name: true } }, invitedBy: { select: { name: true } } },
  });
  if (!invitation) throw new AppError("NOT_FOUND", INVITATION_INVALID);
  if (invitation.acceptedAt) throw new AppError("GONE", INVITATION_USED);
  if (invitation.revokedAt) throw new AppError("GONE", INVITATION_REVOKED);
  if (invitation.expiresAt <= new Date()) throw new AppError("GONE", INVITATION_EXPIRED);
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role as Role,
    workspaceId: invitation.workspaceId,
    workspaceName: invitation.workspace.name,
    invitedBy: invitation.invitedBy.name,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: Boolean(user?.passwordHash),
  };
}
