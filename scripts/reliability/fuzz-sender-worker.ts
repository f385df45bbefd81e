import { parentPort, workerData } from "node:worker_threads";
import type { FuzzCase } from "../../tests/reliability/fuzz-openapi";
import { Client } from "./harness";
import { sendCases } from "./send-cases";
import { ownThread } from "./thread-cpu";

// The fuzzer's sending thread (started by fuzz.ts, which normally loads
// lib/workers/lower-thread-priority.ts into it first: 10 nice levels lower, so on a machine it
// shares with the server the load generator takes only the CPU the server, its database and the
// health prober leave, as an attacker on another machine would, whose CPU is not ours).

const { base, cookie, cases, concurrency } = workerData as { base: string; cookie: string; cases: FuzzCase[]; concurrency: number };

async function main() {
  const client = new Client(base, cookie);
  // A fresh connection per request (see fuzz.ts).
  client.closeConnections = true;
  const before = ownThread();
  const sent = await sendCases(client, cases, concurrency);
  const after = ownThread();
  parentPort!.postMessage({ sent, cpuMs: after.cpuMs - before.cpuMs, waitMs: after.waitMs - before.waitMs });
}

void main();
