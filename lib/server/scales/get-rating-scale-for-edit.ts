import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { EditableScale } from "@/lib/schemas/admin";
import { requireActor, requireMembership } from "@/lib/server/access";

/** Claims (live or trashed, since trashed ones can be restored) per verdict key in a workspace. */
export async function verdictUsage(tx: Tx, workspaceId: string): Promise<Map<string, number>> {
  const groups = await tx.claim.groupBy({
    by: ["verdictKey"],
    where: { article: { workspaceId }, verdictKey: { not: null } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.verdictKey as string, g._count._all]));
}

/** The workspace's full scale for the editor, archived verdicts and usage counts included (admins only). */
export async function getRatingScaleForEdit({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<EditableScale> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, ["ADMIN"]);
  const scale = await db.ratingScale.findUnique({ where: { workspaceId }, include: { verdicts: { orderBy: { order: "asc" } } } });
  if (!scale) throw notFound("Rating scale");
  const usage = await verdictUsage(db, workspaceId);
  return {
    name: scale.name,
    bestRating: scale.bestRating,
    worstRating: scale.worstRating,
    verdicts: scale.verdicts.map((v) => ({
      key: v.key,
      label: v.label,
      description: v.description,
      color: v.color,
      order: v.order,
      ratingValue: v.ratingValue,
      archived: v.archived,
      claimCount: usage.get(v.key) ?? 0,
    })),
  };
}
