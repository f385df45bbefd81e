import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { generateApiToken } from "@/lib/auth/api-token";
import { db, type Tx } from "@/lib/db";
import { createApiTokenSchema, type ApiTokenSummary, type CreateApiTokenInput } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { toTokenSummary } from "./token-summary";

export type CreatedApiToken = ApiTokenSummary & { token: string };

/** Inserts the token row and its audit row (shared with the CLI's system variant). */
export async function insertApiTokenTx(tx: Tx, userId: string, actorId: string | null, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const { name, expiresInDays } = createApiTokenSchema.parse(input);
  const { token, tokenHash, prefix } = generateApiToken();
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000) : null;
  const row = await tx.apiToken.create({ data: { userId, name, tokenHash, prefix, expiresAt } });
  await recordAudit(tx, {
    workspaceId: null,
    actorId,
    entityType: "ApiToken",
    entityId: row.id,
    action: "token.create",
    after: { userId, name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { ...toTokenSummary(row), token };
}

/** Creates a personal API token for the caller. The token is returned once and only its hash kept. */
export async function createApiToken({ actor: maybeActor, input }: { actor: MaybeActor; input: CreateApiTokenInput }): Promise<CreatedApiToken> {
  const actor = requireActor(maybeActor);
  return db.$transaction((tx) => insertApiTokenTx(tx, actor.userId, actor.userId, input));
}
