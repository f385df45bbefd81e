import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { updateSourceSchema, type ApiSource, type UpdateSourceInput } from "@/lib/schemas/claim";
import { changedFields, recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { readableClaimWhere, toApiSource } from "@/lib/server/claims/claim-shape";
import { reopenAfterChange } from "@/lib/server/claims/approval";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { requireActor } from "@/lib/server/access";
import { sourceData, sourceSnapshot } from "./source-fields";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";

/** 409 carrying the source as it is now, so the client can show it before editing again. */
function sourceConflict(current: Parameters<typeof toApiSource>[0]): AppError {
  return new AppError("CONFLICT", "Someone else changed this source after you opened it. Reload it and make your edit again on the current version.", {
    current: toApiSource(current),
  });
}

/**
 * Changes a source if it is still at `input.version` (else a 409 with the current source); bumps
 * the source's and the claim's versions and records the changed fields.
 */
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
    if (existing.version !== input.version) throw sourceConflict(existing);
    const before = sourceSnapshot(existing);
    const after = { ...before, ...sourceData(input) };
    const fields = changedFields(before, after);
    if (fields.length === 0) return { ...toApiSource(existing), claimVersion: row.version };
    // The version in the WHERE makes a concurrent edit that committed since the read lose, not overwrite.
    const { count } = await tx.source.updateMany({ where: { id: sourceId, version: input.version }, data: { ...sourceData(input), version: { increment: 1 } } });
    if (count === 0) throw sourceConflict(await tx.source.findUniqueOrThrow({ where: { id: sourceId } }));
    const updated = await tx.source.findUniqueOrThrow({ where: { id: sourceId } });
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
