import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiScale } from "@/lib/schemas/claim";
import { requireActor } from "@/lib/server/access";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

/** The workspace's rating scale (live verdicts, in order): what claims' `verdict` keys refer to. */
export async function getScale({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId?: string | null }): Promise<ApiScale> {
  const actor = requireActor(maybeActor);
  const workspace = await resolveWorkspace({ actor, workspace: workspaceId });
  const scale = await db.ratingScale.findFirst({
    where: { workspaceId: workspace.id },
    include: { verdicts: { where: { archived: false }, orderBy: { order: "asc" } } },
  });
  if (!scale) throw notFound("Rating scale");
  return {
    workspaceId: workspace.id,
    name: scale.name,
    bestRating: scale.bestRating,
    worstRating: scale.worstRating,
    verdicts: scale.verdicts.map((v) => ({ key: v.key, label: v.label, description: v.description, color: v.color, order: v.order, ratingValue: v.ratingValue })),
  };
}
