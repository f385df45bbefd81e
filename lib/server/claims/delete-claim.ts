import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "./claim-access";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { recordClaimEvent } from "@/lib/server/live/record-event";

/** Moves a claim to the trash (restorable); audited. */
export async function deleteClaim({ actor: maybeActor, claimId }: { actor: MaybeActor; claimId: string }) {
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    const deletedAt = new Date();
    await tx.claim.update({ where: { id: claimId }, data: { deletedAt, updatedById: actor.userId, version: { increment: 1 } } });
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Claim",
      entityId: claimId,
      action: "claim.delete",
      fields: ["deletedAt"],
      before: { deletedAt: null, statement: row.statement, status: row.status },
      after: { deletedAt: deletedAt.toISOString() },
    });
    await recordClaimEvent(tx, claimId, "claim.deleted", actor.userId);
    return { id: claimId, deletedAt: deletedAt.toISOString() };
  });
}
