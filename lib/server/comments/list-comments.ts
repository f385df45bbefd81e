import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { ApiComment } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { loadReadableClaim } from "@/lib/server/claims/claim-access";
import { commentInclude, toApiComment } from "./comment-shape";

/** A claim's comments, oldest first (threads: parentId null, replies point at it). */
export async function listComments({ actor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiComment[]> {
  const { role } = await loadReadableClaim(db, actor, claimId);
  // Comments are the newsroom's internal discussion: readers never see them.
  if (!canEdit(role)) throw forbidden("Only editors and admins can see comments.");
  const rows = await db.comment.findMany({
    where: { claimId, deletedAt: null },
    include: commentInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map(toApiComment);
}
