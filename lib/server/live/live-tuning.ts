import "server-only";
import { env } from "@/lib/env";

/** Stream settings (tests shorten the heartbeat and the buffer through the environment). */
export function liveTuning() {
  return {
    /** Comment line every so often, so proxies keep the stream open; access is re-checked then too. */
    heartbeatMs: env().LIVE_HEARTBEAT_MS,
    /** Bytes a client may leave unread before its stream is dropped. */
    maxBufferBytes: env().LIVE_MAX_BUFFER_BYTES,
    /** How long EventSource waits before reconnecting. */
    retryMs: 2_000,
  };
}

const g = globalThis as unknown as { __factmarkLiveStats?: { streams: number; dropped: number } };
/** Open streams and streams dropped for not reading, in this process. */
export const liveStats = (g.__factmarkLiveStats ??= { streams: 0, dropped: 0 });
