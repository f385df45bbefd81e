import { readFileSync } from "node:fs";
import { requestKind } from "./stalls";

// Server CPU per request kind: the [request] lines scripts/loop-stall-trace.cjs writes for
// requests sent with an x-trace-cpu header. Sent one at a time, each line's CPU is that
// request's own work on the server's main thread.

export interface KindCpu {
  /** e.g. "POST /api/v1/claims/{id}/comments → 4xx". */
  kind: string;
  count: number;
  medianMs: number;
  maxMs: number;
}

// "[request] <kind, spaces as _> <status> ms <ms> cpu <ms> wait <ms> ahead <n>"
const LINE = /^\[request\] (\S+) (\d+) ms [\d.]+ cpu ([\d.]+) wait [\d.]+ ahead \d+$/;

export function cpuByKind(text: string): KindCpu[] {
  const kinds = new Map<string, number[]>();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const kind = `${requestKind(m[1].replace(/_/g, " "))} → ${m[2][0]}xx`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), Number(m[3])]);
  }
  return [...kinds]
    .map(([kind, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return { kind, count: sorted.length, medianMs: sorted[Math.floor((sorted.length - 1) / 2)], maxMs: sorted[sorted.length - 1] };
    })
    .sort((a, b) => b.medianMs - a.medianMs);
}

export function readCpuByKind(logFile: string): KindCpu[] {
  try {
    return cpuByKind(readFileSync(logFile, "utf8"));
  } catch {
    return [];
  }
}
