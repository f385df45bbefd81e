import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { processCpuMs } from "./cpu";

// Load helpers shared by the HTTP benchmarks: throughput with autocannon at N connections, and
// latency percentiles of N concurrent clients each sending requests one after another.

export const smoke = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");

export function machineLine(): string {
  const [one, five] = os.loadavg();
  return `Machine: ${os.cpus().length} cores, load average ${one.toFixed(1)} (5 min ${five.toFixed(1)}) at start: figures under load are inflated, ratios from one run are what compare.`;
}

/** `uptime` at the end of a run (load during the measurement). */
export function uptimeLine(): string {
  const r = spawnSync("uptime", { encoding: "utf8" });
  return `uptime at the end: ${(r.stdout || os.loadavg().map((l) => l.toFixed(2)).join(" ")).trim()}`;
}

export const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

export interface Throughput {
  rps: number;
  p99: number;
  non2xx: number;
  /** Socket errors and timeouts together (timeouts also apart below). */
  errors: number;
  timeouts: number;
  /** Bytes received per request, headers included, as sent (compressed bodies compressed). */
  bytesPerRequest: number;
  /** CPU ms the server process `pid` spent per request (NaN without a pid). */
  cpuMsPerRequest: number;
}

export async function throughput(
  url: string,
  { connections = 32, seconds = smoke ? 3 : 10, headers = {} as Record<string, string>, pid = undefined as number | undefined } = {},
): Promise<Throughput> {
  // A short warm-up so the first compilations and connection set-up are not measured.
  await autocannon({ url, connections, amount: connections * 2, headers });
  const cpu0 = pid ? processCpuMs(pid) : NaN;
  const r = await autocannon({ url, connections, duration: seconds, headers });
  const cpuMs = pid ? processCpuMs(pid) - cpu0 : NaN;
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, timeouts: r.timeouts, bytesPerRequest: r.throughput.average / Math.max(1e-9, r.requests.average), cpuMsPerRequest: cpuMs / Math.max(1, r.requests.total) };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** `clients` loops, each running `request(client, i)` one after another for `seconds`; returns every latency in ms. */
export async function latencies(clients: number, seconds: number, request: (client: number, i: number) => Promise<void>): Promise<{ ms: number[]; failures: number }> {
  const ms: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < until; i++) {
        const t0 = performance.now();
        try {
          await request(client, i);
          ms.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  return { ms, failures };
}

/** The production build the benchmarks serve (built once if missing). */
export function ensureBuild(distDir = process.env.RELIABILITY_DIST_DIR ?? ".next"): void {
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(path.join(distDir, "workers", "render-worker.cjs"))) return;
  console.log(`No production build in ${distDir}: running npm run build (a minute or two)…`);
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("npm run build failed");
}

export const fmt = (n: number, digits = 0) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
