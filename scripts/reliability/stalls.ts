import { readFileSync } from "node:fs";

// The server's own view of its event loop: the stalls scripts/loop-stall-trace.cjs wrote to the
// server log (a server started with ServerOptions.traceStallsMs). A slow health check that matches
// no stall was delayed outside the server's event loop (the prober, the kernel, the database).

export interface Stall {
  ms: number;
  /** CPU time the server's main thread used during the stall. */
  cpuMs: number;
  /** Garbage-collector pauses during the stall. */
  gcMs: number;
  /** When the stall ended (epoch ms). */
  endedAt: number;
  /** Requests in flight, e.g. "POST /api/v1/claims/:id/comments (35 ms)". */
  inFlight: string[];
}

const LINE = /^\[loop-stall\] (\d+) ms \(cpu (\d+) ms, gc (\d+) ms\) at (\S+); in flight: (.*)$/;

/** Request kinds without their ids, so the same handler's stalls group together. */
export function requestKind(what: string): string {
  return what
    .replace(/ \(\d+ ms\)$/, "")
    .replace(/\?.*$/, "")
    .replace(/\/(?=[^/]*\d)[A-Za-z0-9_-]{16,}(?=\/|$)/g, "/:id");
}

/** Stalls logged between `from` and `to` (epoch ms). */
export function serverStalls(logFile: string, from: number, to: number): Stall[] {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return [];
  }
  const stalls: Stall[] = [];
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const endedAt = Date.parse(m[4]);
    if (endedAt < from || endedAt > to) continue;
    stalls.push({ ms: Number(m[1]), cpuMs: Number(m[2]), gcMs: Number(m[3]), endedAt, inFlight: m[5] === "none" ? [] : m[5].split(" | ") });
  }
  return stalls;
}

/** A stall during which the process used at least this share of the time: work on the loop, not a wait for a core. */
export const BUSY_SHARE = 0.7;

export const isBusy = (s: Stall) => s.cpuMs >= BUSY_SHARE * s.ms;

/**
 * Count and max of all stalls and of the busy ones, and the request kinds most often in flight
 * during the busy ones (the candidates for synchronous work in a handler).
 */
export function summariseStalls(stalls: Stall[], top = 5) {
  const busy = stalls.filter(isBusy);
  const kinds = new Map<string, { count: number; max: number }>();
  for (const s of busy) {
    for (const kind of new Set(s.inFlight.map(requestKind))) {
      const k = kinds.get(kind) ?? { count: 0, max: 0 };
      k.count++;
      k.max = Math.max(k.max, s.ms);
      kinds.set(kind, k);
    }
  }
  const max = (list: Stall[]) => list.reduce((m, s) => Math.max(m, s.ms), 0);
  return {
    count: stalls.length,
    max: max(stalls),
    busy: busy.length,
    busyMax: max(busy),
    kinds: [...kinds].sort((a, b) => b[1].count - a[1].count).slice(0, top).map(([kind, k]) => `${kind}: in flight in ${k.count} busy stalls, longest ${k.max} ms`),
  };
}
