import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { runImportTask, type ImportTask } from "./import-task";

// Worker-thread entry: runs imports sent by lib/server/articles/import-pool.ts, one at a time.
// Bundled into <distDir>/workers/import-worker.cjs by `npm run build` (scripts/build-workers.mjs).

export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; id: number; result: unknown }
  | { type: "error"; id: number; error: { code?: string; message: string; details?: unknown; stackOverflow?: boolean } };

const port = parentPort;
if (port) {
  port.on("message", async ({ id, task }: { id: number; task: ImportTask }) => {
    let reply: WorkerReply;
    try {
      reply = { type: "result", id, result: await runImportTask(task) };
    } catch (e) {
      if (isAppError(e)) reply = { type: "error", id, error: { code: e.code, message: e.message, details: e.details } };
      else {
        const error = e instanceof Error ? e : new Error(String(e));
        reply = { type: "error", id, error: { message: error.stack ?? error.message, stackOverflow: error instanceof RangeError && /call stack/i.test(error.message) } };
      }
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}
