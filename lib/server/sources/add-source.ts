import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSourceSchema, type ApiSource, type CreateSourceInput } from "@/lib/schemas/claim";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { toApiSource } from "@/lib/server/claims/claim-shape";
import { reopenAfterChange } from "@/lib/server/claims/approval";
import { bumpClaimVersion } from "@/lib/server/claims/update-claim";
import { sourceData, sourceSnapshot } from "./source-fields";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";

const MAX_SOURCES = 100;

/** Adds a source to a claim; bumps the claim's version and writes its history. */
export async function addSource({
  actor: maybeActor,
  claimId,
  input: rawInput,
}: {
  actor: MaybeActor;
  claimId: string;
  input: CreateSourceInput;
}): Promise<ApiSource & { claimVersion: number }> {
  const input = createSourceSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    if (row.sources.length >= MAX_SOURCES) throw new AppError("UNPROCESSABLE", `A claim can have at most ${MAX_SOURCES} sources.`);
    const position = row.sources.reduce((max, s) => Math.max(max, s.position + 1), 0);
    const source = await tx.source.create({
      data: { ...(sourceData(input) as { url: string }), claimId, position, createdById: actor.userId },
    });
    await bumpClaimVersion(tx, claimId, row.version, actor.userId);
    const after = sourceSnapshot(source);
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Source",
      entityId: source.id,
      action: "source.add",
      fields: Object.keys(after).filter((k) => after[k] !== null),
      after,
    });
    await reopenAfterChange(tx, row, actor, ["sources"]);
    return { ...toApiSource(source), claimVersion: row.version + 1 };
  });
}
