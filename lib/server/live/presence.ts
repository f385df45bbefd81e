import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { presenceInputSchema, type PresenceInput } from "@/lib/schemas/live";
import { editableArticleWhere, readableArticleWhere, requireActor } from "@/lib/server/access";
import { liveTuning } from "./live-tuning";
import { recordEvent } from "./record-event";

export interface ApiPresence {
  userId: string;
  name: string;
  /** The claim they are editing, if any. */
  claimId: string | null;
  client: string;
}

/** A row nobody refreshed for this long is someone who left without saying so (a crashed server or tab). */
export function presenceExpiryMs(): number {
  return liveTuning().heartbeatMs * 2 + 5_000;
}

const rowId = (userId: string, client: string) => `${userId}:${client}`;

async function editableArticle(actor: Actor, articleId: string) {
  const article = await db.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) }, select: { id: true, workspaceId: true } });
  if (!article) throw notFound("Article");
  return article;
}

/**
 * Marks this tab of an editor as present on the article (and which claim it edits). Others
 * hear of it through a presence event when something they would see changed.
 */
export async function touchPresence({ actor: maybeActor, articleId, input }: { actor: MaybeActor; articleId: string; input: PresenceInput }): Promise<{ ok: true }> {
  const actor = requireActor(maybeActor);
  const { client, claimId = null } = presenceInputSchema.parse(input);
  const article = await editableArticle(actor, articleId);
  if (claimId && !(await db.claim.findFirst({ where: { id: claimId, articleId, deletedAt: null }, select: { id: true } }))) throw notFound("Claim");
  const id = rowId(actor.userId, client);
  await db.$transaction(async (tx) => {
    const before = await tx.presence.findUnique({ where: { id } });
    await tx.presence.upsert({
      where: { id },
      create: { id, userId: actor.userId, articleId, claimId },
      update: { articleId, claimId, lastSeenAt: new Date() },
    });
    if (!before || before.claimId !== claimId || before.articleId !== articleId) {
      await recordEvent(tx, { workspaceId: article.workspaceId, articleId, type: "presence", actorId: actor.userId, payload: { claimId } });
    }
  });
  return { ok: true };
}

/** This tab left the article (its stream closed). */
export async function leavePresence(actor: Actor, articleId: string, client: string): Promise<void> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { workspaceId: true } });
  await db.$transaction(async (tx) => {
    const { count } = await tx.presence.deleteMany({ where: { id: rowId(actor.userId, client), articleId } });
    if (count && article) await recordEvent(tx, { workspaceId: article.workspaceId, articleId, type: "presence", actorId: actor.userId, payload: { left: true } });
  });
}

/** Keeps this tab's row fresh (the stream's heartbeat). */
export async function refreshPresence(actor: Actor, client: string): Promise<void> {
  await db.presence.updateMany({ where: { id: rowId(actor.userId, client) }, data: { lastSeenAt: new Date() } });
}

/** Who has the article open now, one entry per tab (the caller's own tabs included). */
export async function listPresence({ actor: maybeActor, articleId }: { actor: MaybeActor; articleId: string }): Promise<{ present: ApiPresence[] }> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { id: true } });
  if (!article) throw notFound("Article");
  const since = new Date(Date.now() - presenceExpiryMs());
  const rows = await db.presence.findMany({
    where: { articleId, lastSeenAt: { gte: since }, user: { active: true } },
    include: { user: { select: { name: true } } },
    orderBy: { lastSeenAt: "asc" },
    take: 100,
  });
  // Rows of tabs that vanished long ago are cleared now and then by whoever looks.
  if (Math.random() < 0.05) await db.presence.deleteMany({ where: { lastSeenAt: { lt: new Date(Date.now() - 10 * 60_000) } } });
  return { present: rows.map((r) => ({ userId: r.userId, name: r.user.name, claimId: r.claimId, client: r.id.slice(r.userId.length + 1) })) };
}
