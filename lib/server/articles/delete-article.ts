import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { editableArticleWhere, readableArticleWhere, requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { recordEvent } from "@/lib/server/live/record-event";

/**
 * Deletes an article (soft: out of every list and page at once; the hourly purge deletes it for
 * good after TRASH_RETENTION_DAYS). Editors and admins only, with an audit event.
 */
export async function deleteArticle({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<{ id: string; deletedAt: string }> {
  const actor = requireActor(maybeActor);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, ...editableArticleWhere(actor) },
      select: { id: true, workspaceId: true, title: true, status: true },
    });
    if (!article) {
      // A reader can see a published article, so for them it exists but is not theirs to delete.
      const visible = await tx.article.count({ where: { id: articleId, ...readableArticleWhere(actor) } });
      if (visible) throw forbidden("Only editors and admins of this workspace can delete articles.");
      throw notFound("Article");
    }
    const deletedAt = new Date();
    await tx.article.update({ where: { id: article.id }, data: { deletedAt, updatedById: actor.userId } });
    await recordAudit(tx, {
      workspaceId: article.workspaceId,
      actorId: actor.userId,
      entityType: "Article",
      entityId: article.id,
      articleId: article.id,
      action: "article.delete",
      fields: ["deletedAt"],
      before: { title: article.title, status: article.status, deletedAt: null },
      after: { deletedAt: deletedAt.toISOString() },
    });
    await recordEvent(tx, { workspaceId: article.workspaceId, articleId: article.id, type: "article.deleted", audience: article.status === "PUBLISHED" ? "ALL" : "EDITORS", actorId: actor.userId });
    return { id: article.id, deletedAt: deletedAt.toISOString() };
  });
}
