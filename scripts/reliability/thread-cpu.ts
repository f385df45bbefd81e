import { readFileSync } from "node:fs";

// CPU accounting from Linux's /proc, to tell a busy server from one waiting for a core and to see
// what the load generator itself costs. Elsewhere every figure reads 0.

export interface ThreadTimes {
  /** On a core, and runnable but waiting for one (ms). */
  cpuMs: number;
  waitMs: number;
}

function schedstat(file: string): ThreadTimes {
  try {
    const [cpu, wait] = readFileSync(file, "utf8").split(" ");
    return { cpuMs: Number(cpu) / 1e6, waitMs: Number(wait) / 1e6 };
  } catch {
    return { cpuMs: 0, waitMs: 0 };
  }
}

/** The calling thread's times. */
export const ownThread = () => schedstat("/proc/thread-self/schedstat");

/** A process's main thread. */
export const mainThreadOf = (pid: number) => schedstat(`/proc/${pid}/task/${pid}/schedstat`);

/** A process's CPU over all its threads (GC helpers, libuv pool, workers), in ms. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th, in ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop()!.trim().split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

export interface CpuWindow {
  server: ThreadTimes & { processMs: number };
  fuzzer: ThreadTimes;
}

/** Starts measuring; the returned function gives the CPU used since. */
export function cpuWindow(serverPid: number | undefined): () => CpuWindow {
  const s0 = serverPid ? mainThreadOf(serverPid) : { cpuMs: 0, waitMs: 0 };
  const p0 = serverPid ? processCpuMs(serverPid) : 0;
  const f0 = ownThread();
  return () => {
    const s1 = serverPid ? mainThreadOf(serverPid) : s0;
    const f1 = ownThread();
    return {
      server: { cpuMs: s1.cpuMs - s0.cpuMs, waitMs: s1.waitMs - s0.waitMs, processMs: (serverPid ? processCpuMs(serverPid) : p0) - p0 },
      fuzzer: { cpuMs: f1.cpuMs - f0.cpuMs, waitMs: f1.waitMs - f0.waitMs },
    };
  };
}
