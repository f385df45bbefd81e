import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { ImportResult } from "@/lib/importing";
import type { ImportTask } from "@/lib/importing/import-task";
import type { WorkerReply } from "@/lib/importing/import-worker";

// Imports (parsing, extraction, conversion) run in worker threads, never on the thread that
// answers requests, and each one under a time budget: a worker still busy when the budget runs
// out is terminated (and replaced), and the import is refused with a message. A crafted page
// or document can therefore cost at most IMPORT_TIME_LIMIT_MS of one worker's time and
// WORKER_MEMORY_MB of memory, while the server keeps answering.

/** Heap cap of one import worker; a conversion that needs more is stopped, not the server. */
const WORKER_MEMORY_MB = 1024;
/** Imports waiting for a free worker beyond this are refused (429) instead of queued. */
const MAX_QUEUED = 16;

interface Job {
  task: ImportTask;
  resolve: (result: ImportResult) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: (Job & { id: number; timer?: NodeJS.Timeout }) | null;
}

/** The bundled worker (production build), or the TypeScript source run through tsx (dev, tests, CLI). */
function workerScript(): { file: string; eval: boolean } {
  const bundled = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "workers", "import-worker.cjs");
  if (existsSync(bundled)) return { file: bundled, eval: false };
  const source = path.join(process.cwd(), "lib", "importing", "import-worker.ts");
  return { file: `require("tsx/cjs/api").register();\nrequire(${JSON.stringify(source)});`, eval: true };
}

function failure(code: ErrorCode, message: string): AppError {
  return new AppError(code, message);
}

class ImportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly size: number, private readonly budgetMs: number) {}

  run(task: ImportTask): Promise<ImportResult> {
    if (this.queue.length >= MAX_QUEUED) {
      return Promise.reject(
        new AppError("RATE_LIMITED", "The importer is busy with other imports. Wait a few seconds and try again."),
      );
    }
    return new Promise<ImportResult>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    const script = workerScript();
    const worker = new Worker(script.file, {
      eval: script.eval,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
      stderr: false,
    });
    let markReady!: () => void;
    let failStart!: (e: unknown) => void;
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failStart = reject;
      }),
      job: null,
    };
    slot.ready.catch(() => {});
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "ready") return markReady();
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.finish(slot);
      if (reply.type === "result") job.resolve(reply.result as ImportResult);
      else if (reply.error.code) job.reject(new AppError(reply.error.code as ErrorCode, reply.error.message, reply.error.details));
      else if (reply.error.stackOverflow) {
        job.reject(failure("UNPROCESSABLE", "The content is nested too deeply to import. Paste the article's text, or import a simpler copy of it."));
      } else job.reject(new Error(`Import failed in the worker: ${reply.error.message}`));
    });
    worker.on("error", (e: Error & { code?: string }) => {
      failStart(e);
      const job = slot.job;
      this.retire(slot);
      if (!job) return;
      job.reject(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? failure("UNPROCESSABLE", "Importing this content needed too much memory and was stopped. Paste the article's text, or import a smaller or simpler file.")
          : e,
      );
    });
    worker.on("exit", () => {
      failStart(new Error("The import worker exited before it was ready."));
      const job = slot.job;
      this.retire(slot);
      job?.reject(new Error("The import worker stopped unexpectedly."));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** A slot leaves the pool (terminated, crashed, or exited); its replacement starts on demand. */
  private retire(slot: Slot) {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = null;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    this.pump();
  }

  private finish(slot: Slot) {
    if (slot.job) clearTimeout(slot.job.timer);
    slot.job = null;
    slot.worker.unref();
    this.pump();
  }

  private pump() {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      // Reserve the slot now; the budget starts once the worker has loaded and gets the task.
      slot.job = { ...job, id };
      slot.worker.ref();
      slot.ready.then(
        () => {
          if (slot.job?.id !== id) return;
          slot.job.timer = setTimeout(() => this.timeOut(slot, id), this.budgetMs);
          slot.worker.postMessage({ id, task: job.task });
        },
        (e) => {
          if (slot.job?.id !== id) return;
          this.retire(slot);
          job.reject(e);
        },
      );
    }
  }

  private timeOut(slot: Slot, id: number) {
    const job = slot.job;
    if (!job || job.id !== id) return;
    slot.job = null;
    this.retire(slot);
    void slot.worker.terminate();
    const seconds = Math.round(this.budgetMs / 100) / 10;
    job.reject(
      failure(
        "UNPROCESSABLE",
        `Importing this content took longer than ${seconds} s and was stopped: its markup is unusually large or deeply nested. Paste the article's text, or import a simpler copy (only the article, not the whole page).`,
      ),
    );
  }
}

const g = globalThis as unknown as { __factmarkImportPool?: ImportPool };

function pool(): ImportPool {
  const e = env();
  return (g.__factmarkImportPool ??= new ImportPool(e.IMPORT_WORKERS, e.IMPORT_TIME_LIMIT_MS));
}

/** Runs one import in a worker thread under the time budget (IMPORT_TIME_LIMIT_MS). */
export function runImportInWorker(task: ImportTask): Promise<ImportResult> {
  return pool().run(task);
}
