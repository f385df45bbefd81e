import "server-only";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { getLiveBus } from "./live-bus";
import { LIVE_CHANNEL, NOTIFY_MAX_BYTES, type LiveAudience, type LiveMessage } from "./live-types";

export interface LiveEventInput {
  workspaceId: string;
  articleId?: string | null;
  claimId?: string | null;
  type: string;
  audience?: LiveAudience;
  actorId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Writes a live event with the transaction that makes the change. On PostgreSQL it is announced
 * with NOTIFY in the same transaction, so a rollback announces nothing; on SQLite the in-process
 * bus is nudged and reads the committed row from the table.
 */
export async function recordEvent(tx: Tx, input: LiveEventInput): Promise<number> {
  const row = await tx.liveEvent.create({
    data: {
      workspaceId: input.workspaceId,
      articleId: input.articleId ?? null,
      claimId: input.claimId ?? null,
      type: input.type,
      audience: input.audience ?? "EDITORS",
      actorId: input.actorId ?? null,
      payload: JSON.stringify(input.payload ?? {}),
    },
  });
  if (databaseProvider() === "postgresql") {
    const message: LiveMessage = { ...row, audience: row.audience as LiveAudience, payload: input.payload ?? {}, createdAt: row.createdAt.toISOString() };
    let text = JSON.stringify({ e: message });
    // Too big for NOTIFY: send the id, listeners read the row.
    if (Buffer.byteLength(text) > NOTIFY_MAX_BYTES) text = JSON.stringify({ ref: row.id });
    await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${text})`;
  } else {
    getLiveBus().nudge();
  }
  return row.id;
}

/** What a claim event says of the claim as the change left it. */
export interface ClaimEventState {
  articleId: string;
  workspaceId: string;
  version: number;
  status: string;
}

/**
 * A claim changed (created, edited, moved, deleted, restored): its ids and new version, no content.
 * A caller that knows the claim's state after its change passes it (saves reading the claim back).
 */
export async function recordClaimEvent(tx: Tx, claimId: string, type: string, actor: { userId: string; name?: string } | string, known?: ClaimEventState): Promise<void> {
  const claim = known ?? (await loadClaimEventState(tx, claimId));
  if (!claim) return;
  const actorId = typeof actor === "string" ? actor : actor.userId;
  await recordEvent(tx, {
    workspaceId: claim.workspaceId,
    articleId: claim.articleId,
    claimId,
    type,
    actorId,
    payload: { version: claim.version, status: claim.status },
  });
}

async function loadClaimEventState(tx: Tx, claimId: string): Promise<ClaimEventState | null> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: { articleId: true, version: true, status: true, article: { select: { workspaceId: true } } },
  });
  return claim && { articleId: claim.articleId, workspaceId: claim.article.workspaceId, version: claim.version, status: claim.status };
}
