import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

// A worker thread that imports lower-thread-priority runs at nice 10; the thread that started it
// keeps its priority (Linux nices threads one by one).

const onLinux = process.platform === "linux";

describe.runIf(onLinux)("lower-thread-priority", () => {
  it("nices only the thread that imports it", async () => {
    const entry = path.resolve(import.meta.dirname, "lower-thread-priority.ts");
    const before = os.getPriority();
    const code = `
      require("tsx/cjs/api").register();
      const { readlinkSync } = require("node:fs");
      const os = require("node:os");
      const { parentPort } = require("node:worker_threads");
      const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
      const was = os.getPriority(thread);
      require(${JSON.stringify(entry)});
      parentPort.postMessage({ was, now: os.getPriority(thread) });`;
    const worker = new Worker(code, { eval: true });
    const seen = await new Promise<{ was: number; now: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(seen.now).toBe(Math.min(19, seen.was + 10));
    expect(os.getPriority()).toBe(before);
  });
});
