import { readFileSync } from "node:fs";

// CPU time of a process (all its threads, user + system) from /proc, in ms. On a loaded machine
// wall-clock throughput mostly measures how often the server got a core; CPU time per request
// is what the server itself spends, and the ratio of two servers' CPU per request is the
// throughput ratio they would have on an idle core.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ms of process `pid`, or with `thread` of that one thread only (its main thread: thread = pid). */
export function processCpuMs(pid: number, thread?: number): number {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at state: utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN; // not Linux, or the process is gone
  }
}

/** Runs `work` and returns its result with the CPU ms the process `pid` spent meanwhile. */
export async function withCpu<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = pid ? processCpuMs(pid) : NaN;
  const result = await work();
  return { result, cpuMs: pid ? processCpuMs(pid) - before : NaN };
}

/**
 * CPU ms the PostgreSQL backends serving database `url` have spent so far (0 if the server is on
 * another machine): a publish's database work, apart from whose turn it was on a loaded machine.
 */
export async function databaseCpuMs(url: string): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return rows.map((r) => processCpuMs(r.pid)).filter((ms) => !Number.isNaN(ms)).reduce((a, b) => a + b, 0);
  } finally {
    await client.end();
  }
}
