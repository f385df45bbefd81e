import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiClaim } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { notFound } from "@/lib/errors";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { requireActor } from "@/lib/server/access";
import { loadLiveClaimRowWithRole } from "./claim-rows";
import { toApiClaim } from "./claim-shape";

/**
 * One claim; readers get published claims of published articles as published (from the latest
 * publication snapshot, not the live row), without internal fields.
 */
export async function getClaim({ actor: maybeActor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiClaim> {
  const actor = requireActor(maybeActor);
  // The claim, its article and the actor's role in one query; the rules of apiReadableClaimWhere.
  const row = await loadLiveClaimRowWithRole(db, claimId, actor.userId);
  if (!row?.memberRole) throw notFound("Claim");
  if (canEdit(row.memberRole)) return toApiClaim(row, { internal: true });
  if (row.article.status !== "PUBLISHED" || (row.status !== "PUBLISHED" && !row.publishedAt)) throw notFound("Claim");
  const published = (await latestPublishedClaims(row.articleId))?.get(row.id);
  if (!published) throw notFound("Claim");
  return asPublished(toApiClaim(row, { internal: false }), published);
}
