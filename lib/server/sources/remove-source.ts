import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";
import { reopenAfterChange } from "@/lib/server/claims/approval";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { sourceSnapshot } from "./source-fields";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";

/** Removes a source; an approved claim goes back to review. Bumps the claim's version. */
export async function removeSource({ actor: maybeActor, sourceId }: { actor: MaybeActor; sourceId: string }) {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const existing = await tx.source.findFirst({ where: { id: sourceId, claim: readableClaimWhere(actor) } });
    if (!existing) throw notFound("Source");
    const { row } = await loadEditableClaim(tx, actor, existing.claimId);
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
    await reopenAfterChange(tx, row, actor, ["sources"]);
    return { id: sourceId, claimId: row.id, claimVersion: row.version + 1 };
  });
}
