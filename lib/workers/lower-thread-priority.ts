import { readlinkSync } from "node:fs";
import os from "node:os";

// Imported first by a worker entry for its side effect: the thread that evaluates it runs 10 nice
// levels lower from then on (at most 19), loading the rest of its modules included. Linux nices one thread when
// setpriority is given that thread's id (/proc/thread-self names it); elsewhere nothing changes.

const NICE_INCREMENT = 10;

try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + NICE_INCREMENT));
} catch {
  /* not Linux: the thread keeps the normal priority */
}
