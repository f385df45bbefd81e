import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiClaim } from "@/lib/schemas/claim";
import { canEdit } from "@/lib/schemas/enums";
import { loadReadableClaim } from "./claim-access";
import { toApiClaim } from "./claim-shape";

/** One claim; readers get published claims of published articles, without internal fields. */
export async function getClaim({ actor, claimId }: { actor: MaybeActor; claimId: string }): Promise<ApiClaim> {
  const { row, role } = await loadReadableClaim(db, actor, claimId);
  return toApiClaim(row, { internal: canEdit(role) });
}
