import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requireActor, requireMembership } from "@/lib/server/access";
import { EDITING_ROLES, type Role } from "@/lib/schemas/enums";
import { loadClaimRow, readableClaimWhere, type ClaimRow } from "./claim-shape";

/** A claim the actor may read, with their role in its workspace. Unseen: NOT_FOUND. */
export async function loadReadableClaim(tx: Tx, maybeActor: MaybeActor, claimId: string): Promise<{ actor: Actor; row: ClaimRow; role: Role }> {
  const actor = requireActor(maybeActor);
  const row = await loadClaimRow(tx, { id: claimId, ...readableClaimWhere(actor) });
  if (!row) throw notFound("Claim");
  const membership = await requireMembership(tx, actor, row.article.workspaceId);
  return { actor, row, role: membership.role };
}

/** A claim the actor may change: readers who can see it get FORBIDDEN, others NOT_FOUND. */
export async function loadEditableClaim(tx: Tx, maybeActor: MaybeActor, claimId: string): Promise<{ actor: Actor; row: ClaimRow; role: Role }> {
  const { actor, row } = await loadReadableClaim(tx, maybeActor, claimId);
  const membership = await requireMembership(tx, actor, row.article.workspaceId, EDITING_ROLES);
  return { actor, row, role: membership.role };
}
