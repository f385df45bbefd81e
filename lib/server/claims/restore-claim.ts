import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiClaim } from "@/lib/schemas/claim";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { claimInclude, toApiClaim, trashedClaimWhere, withCommentCounts } from "./claim-shape";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { recordClaimEvent } from "@/lib/server/live/record-event";

/** Takes a claim out of the trash (undo of deleteClaim); editors and admins only. */
export async function restoreClaim({ actor: maybeActor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiClaim> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const row = await tx.claim.findFirst({ where: { id: claimId, ...trashedClaimWhere(actor) }, include: claimInclude });
    if (!row) throw notFound("Deleted claim");
    const restored = await tx.claim.update({
      where: { id: claimId },
      data: { deletedAt: null, updatedById: actor.userId, version: { increment: 1 } },
      include: claimInclude,
    });
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Claim",
      entityId: claimId,
      action: "claim.restore",
      fields: ["deletedAt"],
      before: { deletedAt: row.deletedAt?.toISOString() ?? null },
      after: { deletedAt: null },
    });
    await recordClaimEvent(tx, claimId, "claim.restored", actor.userId);
    return toApiClaim((await withCommentCounts(tx, [restored]))[0], { internal: true });
  });
}
