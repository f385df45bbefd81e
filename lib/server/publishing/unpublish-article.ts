import "server-only";
import { dropCachedPages } from "./cached-page";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { editableArticleWhere, requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import type { UnpublishResult } from "@/lib/schemas/publication";
import { readerUrlFor } from "./build-snapshot";
import { recordEvent } from "@/lib/server/live/record-event";

export interface UnpublishArticleInput {
  actor: MaybeActor;
  articleId: string;
  reason: string;
}

/**
 * Withdraws a published fact-check. Its address then answers 410 with the date and reason;
 * the publications stay on record and publishing again restores it (as a correction).
 */
export async function unpublishArticle({ actor: maybeActor, articleId, reason }: UnpublishArticleInput): Promise<UnpublishResult> {
  const actor = requireActor(maybeActor);
  const why = reason?.trim() ?? "";
  if (why.length < 3) throw new AppError("VALIDATION_ERROR", "Give readers a reason for withdrawing this fact-check (at least 3 characters).");
  const now = new Date();
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) } });
    if (!article) throw notFound("Article");
    if (article.status !== "PUBLISHED") {
      throw new AppError(
        "CONFLICT",
        article.status === "WITHDRAWN" ? "This fact-check is already withdrawn." : "This article is not published, so there is nothing to withdraw.",
      );
    }
    await dropCachedPages(tx, article.id);
    await tx.article.update({
      where: { id: article.id },
      data: { status: "WITHDRAWN", withdrawnAt: now, withdrawnReason: why, updatedById: actor.userId, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      workspaceId: article.workspaceId,
      actorId: actor.userId,
      entityType: "Article",
      entityId: article.id,
      articleId: article.id,
      action: "article.withdraw",
      fields: ["status", "withdrawnAt", "withdrawnReason"],
      before: { status: article.status },
      after: { status: "WITHDRAWN", withdrawnAt: now.toISOString(), withdrawnReason: why },
    });
    await recordEvent(tx, { workspaceId: article.workspaceId, articleId: article.id, type: "article.withdrawn", audience: "ALL", actorId: actor.userId });
    return { url: readerUrlFor(article.slug), withdrawnAt: now.toISOString(), reason: why };
  });
}
