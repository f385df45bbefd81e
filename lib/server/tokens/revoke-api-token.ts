import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiTokenSummary } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { toTokenSummary } from "./token-summary";
import { signalAccessChange } from "@/lib/server/live/signal-access";

/** Marks a token revoked (idempotent) with its audit row. */
export async function revokeApiTokenTx(tx: Tx, where: { id: string; userId?: string }, actorId: string | null): Promise<ApiTokenSummary> {
  const row = await tx.apiToken.findFirst({ where });
  if (!row) throw notFound("API token");
  if (row.revokedAt) return toTokenSummary(row);
  const updated = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
  await recordAudit(tx, {
    workspaceId: null,
    actorId,
    entityType: "ApiToken",
    entityId: row.id,
    action: "token.revoke",
    before: { userId: row.userId, name: row.name, prefix: row.prefix },
  });
  await signalAccessChange(tx, row.userId);
  return toTokenSummary(updated);
}

/** Revokes one of the caller's own tokens; someone else's token is not found. */
export async function revokeApiToken({ actor: maybeActor, tokenId }: { actor: MaybeActor; tokenId: string }): Promise<ApiTokenSummary> {
  const actor = requireActor(maybeActor);
  return db.$transaction((tx) => revokeApiTokenTx(tx, { id: tokenId, userId: actor.userId }, actor.userId));
}
