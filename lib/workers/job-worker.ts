// Lowers this thread's priority before anything else loads (imports evaluate in order).
import "./lower-thread-priority";
import { parentPort } from "node:worker_threads";
import { runPendingJobs } from "@/lib/server/jobs/run-jobs";
import { isExportTask, runExportTask } from "@/lib/server/jobs/thread-tasks";

// Worker-thread entry of the job runner (lib/server/jobs/job-thread.ts): background jobs (the
// workspace export: its database reads and query compilation, the ZIP, the progress writes) run
// here with their own database client, never on the thread that answers requests, at a lower CPU
// priority so that when cores are short the request thread gets them first. A synchronous
// workspace export (GET /api/v1/exports) is handed over as a task and answered when written.
// Bundled into <distDir>/workers/job-worker.mjs by `npm run build` (scripts/build-workers.mjs).

parentPort?.on("message", (message: unknown) => {
  if (message === "wake") void runPendingJobs();
  else if (isExportTask(message)) void runExportTask(message).then((reply) => parentPort?.postMessage(reply));
});
