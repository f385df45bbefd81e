import { Worker } from "node:worker_threads";
import { attribute, breakdown, describeBreakdown, type Breakdown, type ProberSide, type ServerProbe } from "./probes";
import type { Stall } from "./stalls";

export const HANG_MS = 10_000;

interface Sample extends ProberSide {
  /** Round trip as the prober saw it. */
  ms: number;
  ok: boolean;
  /** The server's own time for its database query (the health body's database.latencyMs). */
  dbMs: number | null;
  /** How late the prober's timer fired before this check (its own scheduling delay). */
  timerLateMs: number;
  /** What the fuzzer was sending. */
  during: string;
}

export interface HealthFigures {
  checks: number;
  p50: number;
  p99: number;
  max: number;
  over: number;
  /** The slowest checks over the limit, each with the server's view of it. */
  slow: string[];
  /** Where the time of all checks, and of the slowest 1%, went (see probes.ts). */
  where: string[];
  /** The prober's own timer lateness: p99 and max (ms). */
  proberLate: { p99: number; max: number };
}

const percentile = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/**
 * Polls /api/v1/health every 100 ms from a worker thread: its own event loop, so the fuzzer's
 * work on the main thread (building and reading bodies) can't delay its timers or its reading
 * of the answer. Each check is sent with an x-probe-sent header, which a server running
 * scripts/loop-stall-trace.cjs logs with its own view of the request (probes.ts). Each sample
 * notes what the fuzzer was sending, the server's database time, and the prober thread's own
 * wait for a core (Linux schedstat).
 */
export class HealthMonitor {
  samples: Sample[] = [];
  /** What the fuzzer is sending right now, recorded with every sample. */
  phase = "generated bodies";
  private worker: Worker | null = null;
  constructor(private readonly base: string, private readonly limitMs: number) {}
  start() {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      const { readFileSync } = require("node:fs");
      const waited = () => { try { return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[1]) / 1e6; } catch { return 0; } };
      const epoch = () => performance.timeOrigin + performance.now();
      let running = true;
      parentPort.on("message", () => { running = false; });
      (async () => {
        let due = performance.now();
        while (running) {
          const timerLateMs = Math.max(0, performance.now() - due);
          const waitBefore = waited();
          const sentAt = epoch();
          const id = sentAt.toFixed(3);
          let ok = false;
          let dbMs = null;
          try {
            const res = await fetch(workerData.url, { headers: { "x-probe-sent": id }, signal: AbortSignal.timeout(workerData.hangMs) });
            const body = await res.text();
            ok = res.ok;
            try { dbMs = JSON.parse(body).database.latencyMs ?? null; } catch {}
          } catch {}
          const receivedAt = epoch();
          const ms = receivedAt - sentAt;
          parentPort.postMessage({ id, sentAt, receivedAt, ms, ok, dbMs, timerLateMs, proberWaitMs: waited() - waitBefore });
          const pause = Math.max(0, 100 - ms);
          due = performance.now() + pause;
          await new Promise((r) => setTimeout(r, pause));
        }
        parentPort.close();
      })();`;
    this.worker = new Worker(code, { eval: true, workerData: { url: `${this.base}/api/v1/health`, hangMs: HANG_MS } });
    this.worker.on("message", (m: Omit<Sample, "during">) => this.samples.push({ ...m, during: this.phase }));
  }
  async stop() {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise((r) => worker.once("exit", r));
    worker.postMessage("stop");
    await Promise.race([exited, new Promise((r) => setTimeout(r, HANG_MS + 1_000))]);
    await worker.terminate();
  }
  /** Figures of the samples; the server's stalls and its view of each check explain the slow ones. */
  figures(stalls: Stall[] = [], probes: Map<string, ServerProbe> = new Map()): HealthFigures {
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    const slow = this.samples.filter((s) => !s.ok || s.ms > this.limitMs).sort((a, b) => b.ms - a.ms);
    const describe = (s: Sample) => {
      const overlapping = stalls.filter((st) => st.endedAt - st.ms < s.sentAt + s.ms && st.endedAt > s.sentAt);
      const loop = overlapping.length ? `server loop stalled ${overlapping.map((st) => `${st.ms} ms (cpu ${st.cpuMs} ms, gc ${st.gcMs} ms)`).join(" + ")}` : "no server loop stall";
      const b = breakdown(s, probes.get(s.id));
      return `${Math.round(s.ms)} ms${s.ok ? "" : " (failed)"} while sending ${s.during} (database ${s.dbMs ?? "?"} ms, ${loop}${b ? `; ${describeBreakdown(b)}` : ""})`;
    };
    const where: string[] = [];
    if (probes.size) {
      const all = this.samples.map((s) => breakdown(s, probes.get(s.id))).filter((b): b is Breakdown => b !== null);
      const slowest = [...this.samples].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(this.samples.length / 100)));
      where.push(`all: ${attribute(all)}`);
      where.push(`slowest 1%: ${attribute(slowest.map((s) => breakdown(s, probes.get(s.id))).filter((b): b is Breakdown => b !== null))}`);
    }
    const late = this.samples.map((s) => s.timerLateMs).sort((a, b) => a - b);
    return {
      checks: sorted.length,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
      over: slow.length,
      slow: slow.slice(0, 5).map(describe),
      where,
      proberLate: { p99: percentile(late, 0.99), max: Math.round(late[late.length - 1] ?? 0) },
    };
  }
}
