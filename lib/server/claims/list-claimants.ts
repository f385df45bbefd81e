import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";

/** Claimants already used in the workspace, for the claimant field's suggestions. */
export async function listClaimants({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<string[]> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const rows = await db.claim.findMany({
    where: { deletedAt: null, claimant: { not: null }, article: { workspaceId, deletedAt: null } },
    distinct: ["claimant"],
    select: { claimant: true },
    orderBy: { claimant: "asc" },
    take: 500,
  });
  return rows.map((r) => r.claimant).filter((c): c is string => !!c);
}
