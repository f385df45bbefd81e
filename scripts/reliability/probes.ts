import { readFileSync } from "node:fs";

// The server's side of each health check (scripts/loop-stall-trace.cjs writes a [probe] line per
// request carrying the prober's x-probe-sent header), joined with the prober's side, so a slow
// check splits into: reaching the server's handler, in the server, and back to the prober.

export interface ServerProbe {
  /** When the server's event loop got to the request, and when its answer was sent (epoch ms). */
  arrivedAt: number;
  doneAt: number;
  /** Requests already in flight when it arrived. */
  ahead: number;
  /** The server's main thread meanwhile: on a core, waiting for one, in GC (ms). */
  cpuMs: number;
  waitMs: number;
  gcMs: number;
}

export interface ProberSide {
  /** The x-probe-sent header: the epoch ms it was sent at. */
  id: string;
  sentAt: number;
  receivedAt: number;
  /** The prober thread's own wait for a core during the check (ms). */
  proberWaitMs: number;
}

export interface Breakdown {
  /** Sent → the server's loop got to it (kernel, or the loop busy elsewhere). */
  toServer: number;
  /** In the server's handler, with what happened meanwhile. */
  inServer: number;
  /** Answer sent → the prober read it (the prober waiting for a core, or the network). */
  back: number;
  server: ServerProbe;
  proberWaitMs: number;
}

const LINE = /^\[probe\] (\S+) arrived ([\d.]+) done ([\d.]+) ahead (\d+) cpu ([\d.]+) wait ([\d.]+) gc ([\d.]+)$/;

export function parseServerProbes(text: string): Map<string, ServerProbe> {
  const probes = new Map<string, ServerProbe>();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [arrivedAt, doneAt, ahead, cpuMs, waitMs, gcMs] = m.slice(2).map(Number);
    probes.set(m[1], { arrivedAt, doneAt, ahead, cpuMs, waitMs, gcMs });
  }
  return probes;
}

export function readServerProbes(logFile: string): Map<string, ServerProbe> {
  try {
    return parseServerProbes(readFileSync(logFile, "utf8"));
  } catch {
    return new Map();
  }
}

export function breakdown(p: ProberSide, server: ServerProbe | undefined): Breakdown | null {
  if (!server) return null;
  return { toServer: server.arrivedAt - p.sentAt, inServer: server.doneAt - server.arrivedAt, back: p.receivedAt - server.doneAt, server, proberWaitMs: p.proberWaitMs };
}

const r = (n: number) => Math.round(n);

export function describeBreakdown(b: Breakdown): string {
  const s = b.server;
  return `to the server ${r(b.toServer)} ms, in it ${r(b.inServer)} ms (${s.ahead} requests ahead; its thread on a core ${r(s.cpuMs)} ms, waiting for one ${r(s.waitMs)} ms, gc ${r(s.gcMs)} ms), back ${r(b.back)} ms (prober waited ${r(b.proberWaitMs)} ms for a core)`;
}

/**
 * Where the time of these checks went, summed over them: reaching the server, the server's thread
 * running (its own or other requests' work), the server's thread waiting for a core, GC, and the
 * way back; plus the mean number of requests ahead of each.
 */
export function attribute(list: Breakdown[]): string {
  if (!list.length) return "no checks matched the server's log";
  const sum = (f: (b: Breakdown) => number) => list.reduce((t, b) => t + f(b), 0);
  const total = sum((b) => b.toServer + b.inServer + b.back);
  const share = (n: number) => `${r(n / list.length)} ms (${r((100 * n) / Math.max(1, total))}%)`;
  return [
    `${list.length} checks, mean ${r(total / list.length)} ms:`,
    `to the server ${share(sum((b) => b.toServer))},`,
    `server thread on a core ${share(sum((b) => Math.min(b.inServer, b.server.cpuMs)))},`,
    `waiting for a core ${share(sum((b) => Math.min(b.server.waitMs, Math.max(0, b.inServer - b.server.cpuMs))))},`,
    `back ${share(sum((b) => b.back))};`,
    `gc ${r(sum((b) => b.server.gcMs) / list.length)} ms, ${(sum((b) => b.server.ahead) / list.length).toFixed(1)} requests ahead,`,
    `prober waited ${r(sum((b) => b.proberWaitMs) / list.length)} ms for a core`,
  ].join(" ");
}
