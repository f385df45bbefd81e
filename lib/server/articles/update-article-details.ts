import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { authorsOf } from "@/lib/importing/metadata";
import { updateArticleDetailsSchema, type ApiArticleDetails, type UpdateArticleDetailsInput } from "@/lib/schemas/article-details";
import type { Actor } from "@/lib/auth/actor";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import { changedFields, recordAudit } from "@/lib/server/audit";
import { recordEvent } from "@/lib/server/live/record-event";
import { dropCachedPages } from "@/lib/server/publishing/cached-page";

const SELECT = { id: true, workspaceId: true, version: true, title: true, byline: true, publishedAt: true, sourceUrl: true, language: true, visibility: true, updatedAt: true } as const;
type DetailsRow = { id: string; version: number; title: string; byline: string | null; publishedAt: Date | null; sourceUrl: string | null; language: string | null; visibility: string; updatedAt: Date };

/** An article row as the details form shows it. */
export function toApiDetails(r: DetailsRow): ApiArticleDetails {
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    byline: r.byline,
    publishedOn: r.publishedAt ? r.publishedAt.toISOString().slice(0, 10) : null,
    sourceUrl: r.sourceUrl,
    language: r.language,
    visibility: r.visibility as ApiArticleDetails["visibility"],
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function conflict(tx: Tx, id: string): Promise<AppError> {
  const current = await tx.article.findUniqueOrThrow({ where: { id }, select: SELECT });
  return new AppError("CONFLICT", "Someone else changed this article's details since you opened them. Their version is shown: check it and save again.", {
    current: toApiDetails(current),
  });
}

/** An article the actor may change: unseen is NOT_FOUND, seen by a reader is FORBIDDEN. */
async function loadEditable(tx: Tx, actor: Actor, articleId: string) {
  const row = await tx.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: SELECT });
  if (!row) throw notFound("Article");
  await requireMembership(tx, actor, row.workspaceId, EDITING_ROLES);
  return row;
}

/** The article's details, for the edit form (editors and admins). */
export async function getArticleDetails({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<ApiArticleDetails> {
  return toApiDetails(await loadEditable(db, requireActor(maybeActor), articleId));
}

/**
 * Changes an article's details after import. Editors and admins of its workspace; the version
 * the edit was based on must be current (a stale one is a CONFLICT carrying the current details);
 * the change, its audit row and its live event in one transaction. An edited byline re-derives
 * the author list; a visibility change drops the cached reader pages at once.
 */
export async function updateArticleDetails({
  actor: maybeActor,
  articleId,
  input,
}: {
  actor: MaybeActor;
  articleId: string;
  input: UpdateArticleDetailsInput;
}): Promise<ApiArticleDetails> {
  const actor = requireActor(maybeActor);
  const { version, ...patch } = updateArticleDetailsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const row = await loadEditable(tx, actor, articleId);
    if (row.version !== version) throw await conflict(tx, articleId);
    const before = toApiDetails(row);
    const after = { ...before, ...patch };
    const fields = changedFields(before as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    if (fields.length === 0) return before;
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      if (f === "publishedOn") data.publishedAt = after.publishedOn ? new Date(`${after.publishedOn}T00:00:00Z`) : null;
      else data[f] = after[f as keyof typeof after];
    }
    if (fields.includes("byline")) data.authors = JSON.stringify(authorsOf(after.byline));
    // Guarded by the version, so two concurrent saves cannot both win.
    const { count } = await tx.article.updateMany({ where: { id: articleId, version }, data: { ...data, version: { increment: 1 }, updatedById: actor.userId } });
    if (count === 0) throw await conflict(tx, articleId);
    if (fields.includes("visibility")) await dropCachedPages(tx, articleId);
    const pick = (o: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, o[f]]));
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: actor.userId,
      entityType: "Article",
      entityId: articleId,
      articleId,
      action: "article.update",
      fields,
      before: pick(before as unknown as Record<string, unknown>),
      after: pick(after as unknown as Record<string, unknown>),
    });
    await recordEvent(tx, { workspaceId: row.workspaceId, articleId, type: "article.updated", actorId: actor.userId, payload: { fields } });
    return toApiDetails(await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: SELECT }));
  });
}
