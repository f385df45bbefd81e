// SSE clients for bench/live.bench.ts: raw HTTP streams that record when each event arrives.
import http from "node:http";

export interface StreamClient {
  /** event key (claimId:version) → arrival time (ms, performance.now clock) */
  got: Map<string, number>;
  ready: Promise<void>;
  closed: boolean;
  close(): void;
}

export function openClient(url: string, token: string, now: () => number): StreamClient {
  const got = new Map<string, number>();
  let buffer = "";
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const client: StreamClient = {
    got,
    ready: new Promise<void>((res, rej) => {
      resolveReady = res;
      rejectReady = rej;
    }),
    closed: false,
    close: () => req.destroy(),
  };
  const req = http.get(url, { headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" }, agent: false }, (res) => {
    if (res.statusCode !== 200) return rejectReady(new Error(`stream answered ${res.statusCode}`));
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        // The first frame (retry + comment) comes once the server has subscribed and replayed.
        if (block.includes(": connected")) resolveReady();
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (!data) continue;
        const e = JSON.parse(data.slice(6)) as { type: string; claimId: string | null; version?: number };
        if (e.type === "claim.updated" && !got.has(`${e.claimId}:${e.version}`)) got.set(`${e.claimId}:${e.version}`, now());
      }
    });
    res.on("close", () => (client.closed = true));
  });
  req.on("error", (e) => {
    client.closed = true;
    rejectReady(e);
  });
  return client;
}

/** Resident memory of the process listening on `port` (Linux /proc: socket inode → owning pid), in MB. */
export async function serverRssMb(port: number): Promise<number | null> {
  const { readdir, readFile, readlink } = await import("node:fs/promises");
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m && inodes.has(m[1])) {
        const status = await readFile(`/proc/${pid}/status`, "utf8");
        return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 102.4) / 10;
      }
    }
  }
  return null;
}
