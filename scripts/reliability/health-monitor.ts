import { Worker } from "node:worker_threads";
import type { Stall } from "./stalls";

export const HANG_MS = 10_000;

interface Sample {
  /** Round trip as the prober saw it. */
  ms: number;
  ok: boolean;
  /** When the request was sent (epoch ms). */
  at: number;
  /** The server's own time for its database query (the health body's database.latencyMs). */
  dbMs: number | null;
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
}

/**
 * Polls /api/v1/health every 100 ms from a worker thread: its own event loop, so the fuzzer's
 * work on the main thread (building and reading bodies) can't delay its timers or its reading
 * of the answer. Each sample notes what the fuzzer was sending and the server's database time.
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
      let running = true;
      parentPort.on("message", () => { running = false; });
      (async () => {
        while (running) {
          const at = Date.now();
          const started = performance.now();
          let ok = false;
          let dbMs = null;
          try {
            const res = await fetch(workerData.url, { signal: AbortSignal.timeout(workerData.hangMs) });
            const body = await res.text();
            ok = res.ok;
            try { dbMs = JSON.parse(body).database.latencyMs ?? null; } catch {}
          } catch {}
          const ms = performance.now() - started;
          parentPort.postMessage({ ms, ok, at, dbMs });
          await new Promise((r) => setTimeout(r, Math.max(0, 100 - ms)));
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
  /** Figures of the samples; `stalls` (the server's event-loop stalls) explain the slow ones. */
  figures(stalls: Stall[] = []): HealthFigures {
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    const slow = this.samples.filter((s) => !s.ok || s.ms > this.limitMs).sort((a, b) => b.ms - a.ms);
    const describe = (s: Sample) => {
      const overlapping = stalls.filter((st) => st.endedAt - st.ms < s.at + s.ms && st.endedAt > s.at);
      const loop = overlapping.length ? `server loop stalled ${overlapping.map((st) => `${st.ms} ms (cpu ${st.cpuMs} ms, gc ${st.gcMs} ms)`).join(" + ")}` : "no server loop stall";
      return `${Math.round(s.ms)} ms${s.ok ? "" : " (failed)"} while sending ${s.during} (database ${s.dbMs ?? "?"} ms, ${loop})`;
    };
    return { checks: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0), over: slow.length, slow: slow.slice(0, 5).map(describe) };
  }
}
