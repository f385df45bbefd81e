import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";

export const CLAIMANT_SUGGESTIONS_MAX = 200;

/**
 * Claimants already used in the workspace (most used first), for the claimant field's
 * suggestions; `q` keeps those containing it. One GROUP BY in the database; the panel asks for
 * it when the claimant field is first focused, not on every page view.
 */
export async function listClaimants({ actor: maybeActor, workspaceId, q }: { actor: MaybeActor; workspaceId: string; q?: string }): Promise<string[]> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const rows = await db.claim.groupBy({
    by: ["claimant"],
    where: {
      deletedAt: null,
      claimant: q ? { contains: q } : { not: null },
      article: { workspaceId, deletedAt: null },
    },
    _count: { claimant: true },
    orderBy: [{ _count: { claimant: "desc" } }, { claimant: "asc" }],
    take: CLAIMANT_SUGGESTIONS_MAX,
  });
  return rows.map((r) => r.claimant).filter((c): c is string => !!c);
}
