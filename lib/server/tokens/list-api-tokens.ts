import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ApiTokenSummary } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { toTokenSummary } from "./token-summary";

/** The caller's own API tokens, newest first (never the tokens themselves). */
export async function listApiTokens({ actor: maybeActor }: { actor: MaybeActor }): Promise<ApiTokenSummary[]> {
  const actor = requireActor(maybeActor);
  const rows = await db.apiToken.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" } });
  return rows.map(toTokenSummary);
}
