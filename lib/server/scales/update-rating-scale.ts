import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { updateRatingScaleSchema, type EditableScale, type UpdateRatingScaleInput } from "@/lib/schemas/admin";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { verdictUsage } from "./get-rating-scale-for-edit";
import { assertValidScale, slugifyVerdictKey, uniqueKey } from "@/lib/scale/validate-scale";

export interface UpdateRatingScaleResult {
  scale: EditableScale;
  /** Keys of verdicts removed from the list but archived because claims use them. */
  archivedInsteadOfDeleted: string[];
  /** Keys of verdicts deleted (no claim used them). */
  deleted: string[];
  /** Keys given to new verdicts. */
  added: string[];
}

/**
 * Saves the whole scale. Verdicts keep their keys forever (claims and the API refer to them);
 * a new verdict gets a key from its label; a verdict left out is deleted, or archived when
 * claims use it. Colours must reach WCAG AA with the highlight text colour.
 */
export async function updateRatingScale({
  actor: maybeActor,
  workspaceId,
  input: rawInput,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: UpdateRatingScaleInput;
}): Promise<UpdateRatingScaleResult> {
  const actor = requireActor(maybeActor);
  const input = updateRatingScaleSchema.parse(rawInput);
  assertValidScale(input);
  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, ["ADMIN"]);
    const scale = await tx.ratingScale.findUnique({ where: { workspaceId }, include: { verdicts: { orderBy: { order: "asc" } } } });
    if (!scale) throw notFound("Rating scale");
    const existing = new Map(scale.verdicts.map((v) => [v.key, v]));
    const listed = new Set<string>();
    for (const v of input.verdicts) {
      if (!v.key) continue;
      if (!existing.has(v.key)) throw new AppError("VALIDATION_ERROR", `verdicts: there is no verdict with key “${v.key}”. Leave the key out to add a new verdict.`);
      if (listed.has(v.key)) throw new AppError("VALIDATION_ERROR", `verdicts: the key “${v.key}” appears twice. List each verdict once.`);
      listed.add(v.key);
    }
    const usage = await verdictUsage(tx, workspaceId);
    const dropped = scale.verdicts.filter((v) => !listed.has(v.key));
    const archivedInsteadOfDeleted = dropped.filter((v) => (usage.get(v.key) ?? 0) > 0);
    const deleted = dropped.filter((v) => (usage.get(v.key) ?? 0) === 0);

    // Keys of deleted verdicts are not reused either: an old export may still mention them.
    const taken = new Set(scale.verdicts.map((v) => v.key));
    const added: string[] = [];
    const rows = input.verdicts.map((v) => {
      let key = v.key ?? null;
      if (!key) {
        key = uniqueKey(slugifyVerdictKey(v.label), taken);
        taken.add(key);
        added.push(key);
      }
      return { key, label: v.label, description: v.description, color: v.color, ratingValue: v.ratingValue, archived: v.archived };
    });

    if (deleted.length) await tx.verdict.deleteMany({ where: { scaleId: scale.id, key: { in: deleted.map((v) => v.key) } } });
    let order = 0;
    for (const row of rows) {
      const data = { label: row.label, description: row.description, color: row.color, ratingValue: row.ratingValue, archived: row.archived, order: order++ };
      if (existing.has(row.key)) await tx.verdict.update({ where: { scaleId_key: { scaleId: scale.id, key: row.key } }, data });
      else await tx.verdict.create({ data: { ...data, key: row.key, scaleId: scale.id } });
    }
    // Archived because in use: kept after the listed verdicts, in their previous order.
    for (const v of archivedInsteadOfDeleted) {
      await tx.verdict.update({ where: { id: v.id }, data: { archived: true, order: order++ } });
    }
    const updated = await tx.ratingScale.update({
      where: { id: scale.id },
      data: { name: input.name ?? scale.name, bestRating: input.bestRating, worstRating: input.worstRating },
      include: { verdicts: { orderBy: { order: "asc" } } },
    });
    const snapshot = (s: typeof scale) => ({
      name: s.name,
      bestRating: s.bestRating,
      worstRating: s.worstRating,
      verdicts: s.verdicts.map(({ key, label, description, color, order: o, ratingValue, archived }) => ({ key, label, description, color, order: o, ratingValue, archived })),
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "RatingScale",
      entityId: scale.id,
      action: "scale.update",
      before: snapshot(scale),
      after: snapshot(updated),
    });
    return {
      scale: {
        name: updated.name,
        bestRating: updated.bestRating,
        worstRating: updated.worstRating,
        verdicts: updated.verdicts.map((v) => ({
          key: v.key,
          label: v.label,
          description: v.description,
          color: v.color,
          order: v.order,
          ratingValue: v.ratingValue,
          archived: v.archived,
          claimCount: usage.get(v.key) ?? 0,
        })),
      },
      archivedInsteadOfDeleted: archivedInsteadOfDeleted.map((v) => v.key),
      deleted: deleted.map((v) => v.key),
      added,
    };
  });
}
