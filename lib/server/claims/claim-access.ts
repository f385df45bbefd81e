import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { EDITING_ROLES, type Role } from "@/lib/schemas/enums";
import { loadLiveClaimRowWithRole } from "./claim-rows";
import { roleReadsClaim, type ClaimRow } from "./claim-shape";

/** A claim the actor may read, with their role in its workspace. Unseen: NOT_FOUND. */
export async function loadReadableClaim(tx: Tx, maybeActor: MaybeActor, claimId: string): Promise<{ actor: Actor; row: ClaimRow; role: Role }> {
  const actor = requireActor(maybeActor);
  // One query for the claim, its article and the actor's role (was the claim's seven and two membership reads).
  const row = await loadLiveClaimRowWithRole(tx, claimId, actor.userId);
  if (!row || !row.memberRole || !roleReadsClaim(row.memberRole, row.status, row.article.status)) throw notFound("Claim");
  return { actor, row, role: row.memberRole };
}

/** A claim the actor may change: readers who can see it get FORBIDDEN, others NOT_FOUND. */
export async function loadEditableClaim(tx: Tx, maybeActor: MaybeActor, claimId: string): Promise<{ actor: Actor; row: ClaimRow; role: Role }> {
  const found = await loadReadableClaim(tx, maybeActor, claimId);
  if (!EDITING_ROLES.includes(found.role)) throw forbidden("Only editors and admins of this workspace can do that.");
  return found;
}
