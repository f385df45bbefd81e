import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { getLiveBus } from "./live-bus";
import type { LiveMessage } from "./live-types";
import { pruneEvents, replayEvents } from "./replay-events";
import { canSee, loadStreamAccess, type StreamAccess, type StreamScope } from "./stream-access";
import { liveStats, liveTuning } from "./live-tuning";

export interface OpenEventStreamOptions {
  actor: MaybeActor;
  scope: StreamScope;
  /** The last event the client saw (Last-Event-ID, or the id its page was rendered at); null: live only. */
  lastEventId: number | null;
  /** Whether the session or token that opened the stream still stands (checked on every heartbeat). */
  isCredentialLive: () => Promise<boolean>;
  /** Runs on every heartbeat while the stream is open. */
  onHeartbeat?: () => Promise<void>;
  /** Runs once when the stream ends, whoever ends it. */
  onClose?: () => void | Promise<void>;
}

const encoder = new TextEncoder();
const g = globalThis as unknown as { __factmarkLivePrunedAt?: number };

/** The data line a client receives: ids and small facts, never content (clients refetch what they may see). */
function wire(e: LiveMessage): string {
  const data = { id: e.id, type: e.type, workspaceId: e.workspaceId, articleId: e.articleId, claimId: e.claimId, actorId: e.actorId, ...e.payload, at: e.createdAt };
  return `id: ${e.id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Opens a Server-Sent Events stream of the changes the actor may see. Access is checked
 * before the stream starts (401/404 as JSON), then again on every heartbeat and whenever an
 * access signal names the actor; a stream whose credential or membership is gone ends with
 * an `end` event. A client that stops reading is dropped once its buffer is full.
 */
export async function openEventStream(opts: OpenEventStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const actor = requireActor(opts.actor);
  let access: StreamAccess = await loadStreamAccess(actor, opts.scope);
  const tuning = liveTuning();
  const bus = getLiveBus();
  maybePrune();

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let buffered: LiveMessage[] | null = [];
  const replayed = new Set<number>();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | null = null;

  const finish = () => {
    if (closed) return;
    closed = true;
    liveStats.streams--;
    unsubscribe();
    if (heartbeat) clearInterval(heartbeat);
    void Promise.resolve(opts.onClose?.()).catch((e) => console.error("live: stream close hook failed", e));
  };
  const write = (text: string) => {
    if (closed) return;
    controller.enqueue(encoder.encode(text));
    // Back-pressure: the client has not read a full buffer's worth; drop it rather than grow.
    if ((controller.desiredSize ?? 1) <= 0) {
      liveStats.dropped++;
      controller.error(new Error("The client is not reading its event stream."));
      finish();
    }
  };
  const end = (reason: string) => {
    if (closed) return;
    write(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
    if (closed) return;
    controller.close();
    finish();
  };
  const deliver = (e: LiveMessage) => {
    if (!closed && canSee(access, e)) write(wire(e));
  };
  const recheck = async () => {
    try {
      if (!(await opts.isCredentialLive())) return end("signed-out");
      access = await loadStreamAccess(actor, opts.scope);
      if (access.roles.size === 0) end("no-access");
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") end("no-access");
      // A database hiccup is not a revocation: the next heartbeat checks again.
    }
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: tuning.maxBufferBytes, size: (chunk) => chunk.byteLength },
  );
  liveStats.streams++;

  unsubscribe = bus.subscribe({
    event(e) {
      if (buffered) buffered.push(e);
      else if (!replayed.has(e.id)) deliver(e);
    },
    access(signal) {
      if (signal.userId === actor.userId) void recheck();
    },
    gap() {
      write(`event: reload\ndata: {"reason":"gap"}\n\n`);
    },
  });
  write(`retry: ${tuning.retryMs}\n: connected\n\n`);

  try {
    await bus.ready();
    if (opts.lastEventId !== null) {
      const replay = await replayEvents(access, opts.lastEventId);
      if (replay.reload) write(`event: reload\ndata: {"reason":"too-old"}\n\n`);
      else
        for (const e of replay.events) {
          replayed.add(e.id);
          deliver(e);
        }
    }
  } catch (e) {
    console.error("live: replay failed", e);
    write(`event: reload\ndata: {"reason":"unavailable"}\n\n`);
  }
  const pending = buffered ?? [];
  buffered = null;
  for (const e of pending) if (!replayed.has(e.id)) deliver(e);
  // Live events arriving from now on may repeat a replayed id only within the skew window.
  setTimeout(() => replayed.clear(), 30_000).unref?.();

  // Revocations arrive as access signals at once; the periodic check is the safety net (a
  // session that simply expired), every fourth heartbeat so 1,000 idle streams stay cheap.
  let beats = 0;
  heartbeat = setInterval(() => {
    write(": ping\n\n");
    if (++beats % 4 === 0) void recheck();
    if (!closed) void opts.onHeartbeat?.().catch(() => undefined);
  }, tuning.heartbeatMs);
  heartbeat.unref?.();
  return stream;
}

function maybePrune() {
  const now = Date.now();
  if (g.__factmarkLivePrunedAt && now - g.__factmarkLivePrunedAt < 10 * 60_000) return;
  g.__factmarkLivePrunedAt = now;
  void pruneEvents().catch((e) => console.error("live: pruning events failed", e));
}
