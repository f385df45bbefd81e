import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";

/**
 * The signed-in user changes their password (proving the current one). Every other session of
 * theirs ends at once; `currentSid` (the session making the change) stays signed in.
 */
export async function changePassword({ actor: maybeActor, input: rawInput, currentSid }: { actor: MaybeActor; input: ChangePasswordInput; currentSid?: string }) {
  const actor = requireActor(maybeActor);
  const input = changePasswordSchema.parse(rawInput);
  const user = await db.user.findUnique({ where: { id: actor.userId } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("UNAUTHORIZED", "The current password is incorrect.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const ended = await revokeUserSessions(actor.userId, tx, currentSid);
    await recordAudit(tx, { workspaceId: null, actorId: actor.userId, entityType: "User", entityId: actor.userId, action: "user.password", fields: ["passwordHash"], after: { sessionsEnded: ended } });
    return { sessionsEnded: ended };
  });
}
