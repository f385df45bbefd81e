import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Refuses a change that would leave the workspace without an active admin: someone must
 * always be able to manage members and the scale.
 */
export async function assertNotLastAdmin(tx: Tx, workspaceId: string, userId: string, what: string): Promise<void> {
  const otherAdmins = await tx.membership.count({
    where: { workspaceId, role: "ADMIN", userId: { not: userId }, active: true, user: { active: true } },
  });
  if (otherAdmins === 0) {
    throw new AppError("CONFLICT", `${what} would leave this workspace without an admin. Make another member an admin first.`);
  }
}
