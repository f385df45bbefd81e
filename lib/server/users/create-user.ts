import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { generateInvitationToken, INVITATION_TTL_DAYS } from "@/lib/server/invitations/invitation-token";

export interface CreateUserResult {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /**
   * True when the email belongs to an existing account: it is NOT added; it gets a pending
   * invitation that its owner accepts or declines in the app (no takeover across workspaces).
   */
  existingAccount: boolean;
  /** The generated password, to show once; null when one was given or the account existed. */
  generatedPassword: string | null;
}

/**
 * An admin adds someone to the workspace. A new email gets an account with the given password
 * or a generated one. An existing account is never added directly: it gets an invitation that
 * its owner sees in the app and accepts or declines (so an admin of one workspace cannot pull an
 * account of another workspace into theirs, let alone act on it).
 */
export async function createUser({
  actor: maybeActor,
  workspaceId,
  input: rawInput,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: CreateUserInput;
}): Promise<CreateUserResult> {
  const actor = requireActor(maybeActor);
  const input = createUserSchema.parse(rawInput);
  // Hash outside the transaction: argon2 takes ~50 ms and would hold a write lock on SQLite.
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const existing = await tx.user.findUnique({ where: { email: input.email }, include: { memberships: { where: { workspaceId } } } });
    if (existing?.memberships.length) {
      throw new AppError("CONFLICT", `${input.email} is already a member of this workspace. Change their role in the members table instead.`);
    }
    if (existing) {
      const now = new Date();
      await tx.invitation.updateMany({ where: { workspaceId, email: existing.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
      // The link token is never shown: the account's owner answers in the app.
      const invitation = await tx.invitation.create({
        data: {
          workspaceId,
          email: existing.email,
          role: input.role,
          tokenHash: generateInvitationToken().tokenHash,
          invitedById: actor.userId,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        },
      });
      await recordAudit(tx, {
        workspaceId,
        actorId: actor.userId,
        entityType: "Invitation",
        entityId: invitation.id,
        action: "invitation.create",
        after: { email: existing.email, role: input.role, existingAccount: true },
      });
      return { userId: existing.id, email: existing.email, name: existing.name, role: input.role, existingAccount: true, generatedPassword: null };
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    const membership = await tx.membership.create({ data: { userId: user.id, workspaceId, role: input.role } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "User",
      entityId: user.id,
      action: "user.create",
      after: { email: user.email, name: user.name },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Membership",
      entityId: membership.id,
      action: "membership.create",
      after: { userId: user.id, email: user.email, role: input.role },
    });
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: input.role,
      existingAccount: false,
      generatedPassword,
    };
  });
}
