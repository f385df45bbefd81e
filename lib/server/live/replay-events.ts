import "server-only";
import { db } from "@/lib/db";
import { toLiveMessage } from "./live-rows";
import type { LiveMessage } from "./live-types";
import { visibleEventsWhere, type StreamAccess } from "./stream-access";

/** Events are kept this long (the issue asks for at least 10 minutes). */
export const LIVE_RETENTION_MS = 60 * 60 * 1000;
/** A client further behind than this many events reloads instead. */
export const REPLAY_MAX = 500;
// PostgreSQL hands out ids when a transaction inserts, not when it commits: an event with a
// smaller id can commit after a larger one. Replays go back this far before the last seen
// event; clients treat events as idempotent hints, so a repeat is harmless.
const COMMIT_SKEW_MS = 20_000;

export type Replay = { reload: false; events: LiveMessage[] } | { reload: true };

/** What a client that last saw event `after` missed, or a reload hint when that is gone. */
export async function replayEvents(access: StreamAccess, after: number): Promise<Replay> {
  const where = visibleEventsWhere(access);
  const last = await db.liveEvent.findUnique({ where: { id: after }, select: { createdAt: true } });
  // The last seen event was pruned: the client is too far behind to catch up event by event.
  if (!last && after > 0) return { reload: true };
  const since = last ? new Date(last.createdAt.getTime() - COMMIT_SKEW_MS) : null;
  const rows = await db.liveEvent.findMany({
    where: { AND: [where, since ? { OR: [{ id: { gt: after } }, { createdAt: { gte: since }, id: { not: after } }] } : { id: { gt: after } }] },
    orderBy: { id: "asc" },
    take: REPLAY_MAX + 1,
  });
  if (rows.length > REPLAY_MAX) return { reload: true };
  return { reload: false, events: rows.map(toLiveMessage) };
}

/** The newest event id (a page renders with it, so its stream starts where the page's data ends). */
export async function latestEventId(): Promise<number> {
  const row = await db.liveEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0;
}

/** Deletes events past retention; run now and then by any server. */
export async function pruneEvents(): Promise<number> {
  const { count } = await db.liveEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LIVE_RETENTION_MS) } } });
  return count;
}
