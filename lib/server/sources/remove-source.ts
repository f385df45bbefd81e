import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/schemas/enums";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";
import { assertStillApprovable } from "@/lib/server/claims/claim-workflow";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { sourceSnapshot } from "./source-fields";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";

/** Removes a source; an approved claim keeps at least one. Bumps the claim's version. */
export async function removeSource({ actor: maybeActor, sourceId }: { actor: MaybeActor; sourceId: string }) {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const existing = await tx.source.findFirst({ where: { id: sourceId, claim: readableClaimWhere(actor) } });
    if (!existing) throw notFound("Source");
    const { row } = await loadEditableClaim(tx, actor, existing.claimId);
    assertStillApprovable(row.status as ClaimStatus, { ...row, sourceCount: row.sources.length - 1 });
    await tx.source.delete({ where: { id: sourceId } });
    await bumpClaimVersion(tx, row.id, row.version, actor.userId);
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Source",
      entityId: sourceId,
      action: "source.remove",
      fields: ["url"],
      before: sourceSnapshot(existing),
    });
    return { id: sourceId, claimId: row.id, claimVersion: row.version + 1 };
  });
}
