import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiClaim } from "@/lib/schemas/claim";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import { claimInclude, toApiClaim, trashedClaimWhere, withCommentCounts } from "./claim-shape";

/**
 * Deleted claims of an article, newest first, for its editors and admins. An article the actor
 * cannot see is NOT_FOUND, like everywhere else; a reader of a published one gets FORBIDDEN.
 */
export async function listTrash({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<ApiClaim[]> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { workspaceId: true } });
  if (!article) throw notFound("Article");
  await requireMembership(db, actor, article.workspaceId, EDITING_ROLES);
  const rows = await db.claim.findMany({
    where: { articleId, ...trashedClaimWhere(actor) },
    include: claimInclude,
    orderBy: { deletedAt: "desc" },
    take: 200,
  });
  return (await withCommentCounts(db, rows)).map((r) => toApiClaim(r, { internal: true }));
}
