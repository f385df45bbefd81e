import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiClaim } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { notFound } from "@/lib/errors";
import { asPublished, latestPublishedClaims } from "@/lib/server/publishing/published-claims";
import { requireActor, requireMembership } from "@/lib/server/access";
import { apiReadableClaimWhere, loadClaimRow, toApiClaim } from "./claim-shape";

/**
 * One claim; readers get published claims of published articles as published (from the latest
 * publication snapshot, not the live row), without internal fields.
 */
export async function getClaim({ actor: maybeActor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiClaim> {
  const actor = requireActor(maybeActor);
  const row = await loadClaimRow(db, { id: claimId, ...apiReadableClaimWhere(actor) });
  if (!row) throw notFound("Claim");
  const { role } = await requireMembership(db, actor, row.article.workspaceId);
  if (canEdit(role)) return toApiClaim(row, { internal: true });
  const published = (await latestPublishedClaims(row.articleId))?.get(row.id);
  if (!published) throw notFound("Claim");
  return asPublished(toApiClaim(row, { internal: false }), published);
}
