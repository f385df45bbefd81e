import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { diffSegments } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiRevision } from "@/lib/schemas/revision";
import { editableArticleWhere, requireActor } from "@/lib/server/access";
import { revisionSelect, toApiRevision } from "./revision-shape";

// Revision history for editors and admins (readers see published revisions on /r/<slug>).

async function editableArticle(actor: Actor, articleId: string) {
  const article = await db.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) }, select: { id: true, revisionNumber: true } });
  if (!article) throw notFound("Article");
  return article;
}

export async function listRevisions({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<{ current: number; revisions: ApiRevision[] }> {
  const actor = requireActor(maybeActor);
  const article = await editableArticle(actor, articleId);
  const rows = await db.articleRevision.findMany({ where: { articleId }, select: revisionSelect, orderBy: { number: "desc" } });
  return { current: article.revisionNumber, revisions: rows.map((r) => toApiRevision(r, article.revisionNumber)) };
}

export async function getRevision({ actor: maybeActor, articleId, number }: { actor: MaybeActor; articleId: string; number: number }) {
  const actor = requireActor(maybeActor);
  const article = await editableArticle(actor, articleId);
  const row = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { ...revisionSelect, canonicalText: true, document: true },
  });
  if (!row) throw notFound("Revision");
  return { ...toApiRevision(row, article.revisionNumber), canonicalText: row.canonicalText, document: JSON.parse(row.document) as Record<string, unknown> };
}

/** Word diff from revision `against` to revision `number`. */
export async function diffRevisions({ actor: maybeActor, articleId, number, against }: { actor: MaybeActor; articleId: string; number: number; against: number }) {
  const actor = requireActor(maybeActor);
  await editableArticle(actor, articleId);
  const rows = await db.articleRevision.findMany({ where: { articleId, number: { in: [number, against] } }, select: { number: true, canonicalText: true } });
  const text = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row) throw notFound(`Revision ${n}`);
    return row.canonicalText;
  };
  return { from: against, to: number, diff: diffSegments(text(against), text(number)) };
}
