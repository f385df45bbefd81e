import "server-only";
import { createHash } from "node:crypto";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { ApiArticle } from "@/lib/schemas/article";
import { ARTICLE_LIMITS } from "@/lib/schemas/article";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { slugifyTitle, toApiArticle } from "./article-shape";
import { runImport, type ArticleImportInput } from "./run-import";
import { recordEvent } from "@/lib/server/live/record-event";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first slug not taken: "title", "title-2", "title-3"... */
async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugifyTitle(title);
  const taken = new Set((await tx.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A title when the source has none: the first words of the text. */
function fallbackTitle(text: string): string {
  const first = text.split("\n")[0].replace(/\s+/g, " ").trim();
  return first.length <= 80 ? first || "Untitled article" : `${first.slice(0, 79).replace(/\s+\S*$/, "")}…`;
}

/**
 * Imports an article into a workspace (editors and admins): the cleaned document, its canonical
 * text and hash, the removed blocks, metadata and a unique slug, with an audit row, in one
 * transaction. The import (and any URL fetch) runs first, outside the transaction, after the
 * membership check, so nothing is half-saved when it fails.
 */
export async function createArticle({
  actor: maybeActor,
  workspaceId,
  input,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: ArticleImportInput;
}): Promise<ApiArticle> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  const preview = await runImport(input);
  const m = preview.metadata;
  const title = (m.title ?? fallbackTitle(preview.canonicalText)).slice(0, ARTICLE_LIMITS.title);

  return db.$transaction(async (tx) => {
    await requireMembership(tx, actor, workspaceId, EDITING_ROLES);
    const row = await tx.article.create({
      data: {
        workspaceId,
        slug: await uniqueSlug(tx, title),
        title,
        byline: m.byline,
        sourceUrl: m.sourceUrl,
        canonicalUrl: m.canonicalUrl && m.canonicalUrl !== m.sourceUrl ? m.canonicalUrl : null,
        authors: JSON.stringify(m.authors ?? []),
        siteName: m.siteName,
        publishedAt: m.publishedAt ? new Date(m.publishedAt) : null,
        language: m.language,
        excerpt: m.excerpt,
        document: JSON.stringify(preview.document),
        canonicalText: preview.canonicalText,
        contentHash: sha256(preview.canonicalText),
        removedBlocks: JSON.stringify(preview.removedBlocks),
        importKind: preview.importKind,
        createdById: actor.userId,
        updatedById: actor.userId,
      },
    });
    await tx.articleRevision.create({
      data: {
        articleId: row.id,
        number: 1,
        document: row.document,
        canonicalText: row.canonicalText,
        contentHash: row.contentHash,
        kind: "IMPORT",
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Article",
      entityId: row.id,
      articleId: row.id,
      action: "article.create",
      fields: ["title", "byline", "sourceUrl", "publishedAt", "language", "document"],
      after: {
        title: row.title,
        byline: row.byline,
        sourceUrl: row.sourceUrl,
        importKind: row.importKind,
        contentHash: row.contentHash,
        removedBlocks: preview.removedBlocks.length,
        restored: input.restore ?? [],
      },
    });
    await recordEvent(tx, { workspaceId, articleId: row.id, type: "article.created", actorId: actor.userId });
    return toApiArticle(row, 0);
  });
}
