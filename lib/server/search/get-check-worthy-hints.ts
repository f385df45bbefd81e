import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { checkWorthySentences, type CheckWorthyHint } from "@/lib/checkworthy/score-sentences";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { editableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";

/** Sentences of the article most likely to hold a checkable claim (editors), computed in-process. */
export async function getCheckWorthyHints({
  actor: maybeActor,
  articleId,
  limit = 10,
}: {
  actor: MaybeActor;
  articleId: string;
  limit?: number;
}): Promise<{ revision: number; items: Array<CheckWorthyHint & { text: string }> }> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) }, select: { workspaceId: true, canonicalText: true, revisionNumber: true } });
  if (!article) throw notFound("Article");
  await requireMembership(db, actor, article.workspaceId, EDITING_ROLES);
  const items = checkWorthySentences(article.canonicalText, { limit }).map((h) => ({ ...h, text: article.canonicalText.slice(h.start, h.end) }));
  return { revision: article.revisionNumber, items };
}
