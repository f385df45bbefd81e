import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { readableArticleWhere, requireActor } from "@/lib/server/access";
import { renderArticleBody } from "./article-body";

/**
 * The article's current body for its page, when the page's data came without it (a full page
 * load sends the body in the HTML only; the client router may later show that page again from
 * its cache, in a tab that no longer holds the HTML). NOT_FOUND if the actor can't read it.
 */
export async function getArticleBody({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }) {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { document: true, revisionNumber: true } });
  if (!article) throw notFound("Article");
  const { key, html } = renderArticleBody(article.document);
  return { key, revisionNumber: article.revisionNumber, html };
}
