import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiClaim } from "@/lib/schemas/claim";
import { requireActor } from "@/lib/server/access";
import { claimInclude, toApiClaim, trashedClaimWhere } from "./claim-shape";

/** Deleted claims of an article, newest first (editors and admins; others see an empty trash). */
export async function listTrash({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<ApiClaim[]> {
  const actor = requireActor(maybeActor);
  const rows = await db.claim.findMany({
    where: { articleId, ...trashedClaimWhere(actor) },
    include: claimInclude,
    orderBy: { deletedAt: "desc" },
    take: 200,
  });
  return rows.map((r) => toApiClaim(r, { internal: true }));
}
