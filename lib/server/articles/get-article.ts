import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiArticle } from "@/lib/schemas/article";
import { readableArticleWhere, requireActor } from "@/lib/server/access";
import { toApiArticle } from "./article-shape";

/** One article the actor may read (editors: any live article of their workspaces; readers: published ones). */
export async function getArticle({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<ApiArticle> {
  const actor = requireActor(maybeActor);
  const row = await db.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) } });
  if (!row) throw notFound("Article");
  const editor = await db.membership.count({ where: { userId: actor.userId, workspaceId: row.workspaceId, active: true, role: { in: ["ADMIN", "EDITOR"] } } });
  // Readers count only what they can see: published claims.
  const claimCount = await db.claim.count({ where: { articleId: row.id, deletedAt: null, ...(editor ? {} : { status: "PUBLISHED" }) } });
  return toApiArticle(row, claimCount);
}
