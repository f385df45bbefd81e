import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { updateSourceSchema, type ApiSource, type UpdateSourceInput } from "@/lib/schemas/claim";
import { changedFields, recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere, toApiSource } from "@/lib/server/claims/claim-shape";
import { reopenAfterChange } from "@/lib/server/claims/approval";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { requireActor } from "@/lib/server/access";
import { sourceData, sourceSnapshot } from "./source-fields";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";

/** Changes a source; bumps the claim's version and records the changed fields. */
export async function updateSource({
  actor: maybeActor,
  sourceId,
  input: rawInput,
}: {
  actor: MaybeActor;
  sourceId: string;
  input: UpdateSourceInput;
}): Promise<ApiSource & { claimVersion: number }> {
  const actor = requireActor(maybeActor);
  const input = updateSourceSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const existing = await tx.source.findFirst({ where: { id: sourceId, claim: readableClaimWhere(actor) } });
    if (!existing) throw notFound("Source");
    const { row } = await loadEditableClaim(tx, actor, existing.claimId);
    const before = sourceSnapshot(existing);
    const after = { ...before, ...sourceData(input) };
    const fields = changedFields(before, after);
    if (fields.length === 0) return { ...toApiSource(existing), claimVersion: row.version };
    const updated = await tx.source.update({ where: { id: sourceId }, data: sourceData(input) });
    await bumpClaimVersion(tx, row.id, row.version, actor.userId);
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Source",
      entityId: sourceId,
      action: "source.update",
      fields,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: Object.fromEntries(fields.map((f) => [f, after[f]])),
    });
    // accessedOn is bookkeeping, not part of what was approved.
    if (fields.some((f) => f !== "accessedOn")) await reopenAfterChange(tx, row, actor, ["sources"]);
    return { ...toApiSource(updated), claimVersion: row.version + 1 };
  });
}
