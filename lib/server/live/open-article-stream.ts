import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { editableArticleWhere } from "@/lib/server/access";
import { openEventStream } from "./event-stream";
import { leavePresence, refreshPresence, touchPresence } from "./presence";

/**
 * The article page's stream. With a presence client id (editors), the tab is present while its
 * stream is open: the row is refreshed on every heartbeat and removed when the stream closes.
 */
export async function openArticleStream(opts: {
  actor: Actor;
  articleId: string;
  lastEventId: number | null;
  presenceClient: string | null;
  isCredentialLive: () => Promise<boolean>;
}): Promise<ReadableStream<Uint8Array>> {
  const { actor, articleId, presenceClient } = opts;
  const canEdit = presenceClient ? Boolean(await db.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) }, select: { id: true } })) : false;
  const stream = await openEventStream({
    actor,
    scope: { kind: "article", articleId },
    lastEventId: opts.lastEventId,
    isCredentialLive: opts.isCredentialLive,
    onHeartbeat: canEdit ? () => refreshPresence(actor, presenceClient!) : undefined,
    onClose: canEdit ? () => leavePresence(actor, articleId, presenceClient!) : undefined,
  });
  if (canEdit) await touchPresence({ actor, articleId, input: { client: presenceClient! } });
  return stream;
}
