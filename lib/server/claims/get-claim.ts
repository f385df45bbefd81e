import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiClaim } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { notFound } from "@/lib/errors";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { loadReadableClaim } from "./claim-access";
import { toApiClaim } from "./claim-shape";

/**
 * One claim; readers get published claims of published articles as published (from the latest
 * publication snapshot, not the live row), without internal fields.
 */
export async function getClaim({ actor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiClaim> {
  const { row, role } = await loadReadableClaim(db, actor, claimId);
  if (canEdit(role)) return toApiClaim(row, { internal: true });
  const published = (await latestPublishedClaims(row.articleId))?.get(row.id);
  if (!published) throw notFound("Claim");
  return asPublished(toApiClaim(row, { internal: false }), published);
}
