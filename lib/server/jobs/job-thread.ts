import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { WorkspaceExportPlan } from "@/lib/server/exports/export-workspace";
import { writeWorkspaceExport } from "@/lib/server/exports/write-workspace-export";
import { runPendingJobs } from "./run-jobs";
import { isTaskReply, replyError, type ExportTask, type TaskReply } from "./thread-tasks";

// The app server runs its background jobs in one worker thread (lib/workers/job-worker.ts) with
// its own database client, at a lower CPU priority: a 2,000-article export reads, compiles
// queries and zips there, and the request thread only answers requests. Jobs are still claimed
// through the database (run-jobs.ts), so several app servers share the queue as before.

/** Connections the job thread's own PostgreSQL pool keeps at most (an export reads 3 articles at once). */
const JOB_POOL_SIZE = 4;
const RESTART_MS = 5_000;

interface Waiting {
  resolve: (reply: TaskReply) => void;
  reject: (e: Error) => void;
}

const g = globalThis as unknown as {
  __factmarkJobThread?: Worker | null;
  __factmarkJobThreadStopped?: boolean;
  __factmarkJobTasks?: { next: number; waiting: Map<number, Waiting> };
};
const tasks = (g.__factmarkJobTasks ??= { next: 1, waiting: new Map<number, Waiting>() });

/**
 * The bundled worker when the production build runs, else the TypeScript source through tsx
 * (dev, tests), given as code so the server's bundler does not try to bundle it; the server code
 * it loads marks itself "server-only", which throws outside React's server bundler: empty there.
 */
function workerScript(): { file: string; eval: boolean } {
  const bundled = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "workers", "job-worker.mjs");
  if (process.env.NODE_ENV === "production" && existsSync(bundled)) return { file: bundled, eval: false };
  const source = path.join(process.cwd(), "lib", "workers", "job-worker.ts");
  const code = [
    `require("tsx/cjs/api").register();`,
    `require.cache[require.resolve("server-only")] = { id: "server-only", loaded: true, exports: {} };`,
    `require(${JSON.stringify(source)});`,
  ];
  return { file: code.join("\n"), eval: true };
}

/** Starts the server's job thread (once); a thread that dies is started again and resumes the queue. */
export function startJobThread(): void {
  if (g.__factmarkJobThread) return;
  g.__factmarkJobThreadStopped = false;
  const script = workerScript();
  const worker = new Worker(script.file, {
    eval: script.eval,
    name: "factmark-jobs",
    env: { ...process.env, DB_POOL_SIZE: String(Math.min(JOB_POOL_SIZE, env().DB_POOL_SIZE)) },
  });
  worker.unref();
  worker.on("error", (e) => console.error("The job thread failed:", e));
  worker.on("message", (message: unknown) => {
    if (!isTaskReply(message)) return;
    const waiting = tasks.waiting.get(message.taskId);
    tasks.waiting.delete(message.taskId);
    if (tasks.waiting.size === 0) worker.unref();
    waiting?.resolve(message);
  });
  worker.on("exit", () => {
    g.__factmarkJobThread = null;
    // Requests waiting on this thread get an answer instead of hanging.
    for (const waiting of tasks.waiting.values()) waiting.reject(new AppError("UNAVAILABLE", "The export was interrupted. Try again."));
    tasks.waiting.clear();
    if (g.__factmarkJobThreadStopped) return;
    setTimeout(() => {
      startJobThread();
      wakeJobRunner();
    }, RESTART_MS).unref();
  });
  g.__factmarkJobThread = worker;
}

/** Makes the job runner look for queued jobs: in the job thread if this server has one, else here (tests, scripts). */
export function wakeJobRunner(): void {
  const worker = g.__factmarkJobThread;
  if (worker) worker.postMessage("wake");
  else void runPendingJobs();
}

/** Stops the job thread for good (tests); a job it was running is taken over once its lease runs out. */
export async function stopJobThread(): Promise<void> {
  const worker = g.__factmarkJobThread;
  g.__factmarkJobThreadStopped = true;
  if (worker) await worker.terminate();
}

/**
 * Writes a planned workspace export to `file` in the job thread (its reads, query compilation and
 * rendering stay off this thread), or here when this process has no job thread (tests, scripts).
 */
export async function writeWorkspaceExportOffThread(plan: WorkspaceExportPlan, file: string): Promise<{ size: number }> {
  const worker = g.__factmarkJobThread;
  if (!worker) return writeWorkspaceExport(plan, file);
  const task: ExportTask = { kind: "export.workspace", taskId: tasks.next++, plan, file };
  const reply = await new Promise<TaskReply>((resolve, reject) => {
    tasks.waiting.set(task.taskId, { resolve, reject });
    worker.ref(); // a process waiting for the answer stays up
    worker.postMessage(task);
  });
  if (!reply.ok) throw replyError(reply.error);
  return { size: reply.size };
}
