import "server-only";
import type { Actor } from "@/lib/auth/actor";

/** The audit fields every claim-level event carries, so a claim's history is one query. */
export function claimAuditScope(row: { id: string; articleId: string; article: { workspaceId: string } }, actor: Actor) {
  return { workspaceId: row.article.workspaceId, actorId: actor.userId, claimId: row.id, articleId: row.articleId };
}
