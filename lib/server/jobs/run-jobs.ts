import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { Job } from "@/lib/generated/sqlite/client";
import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import { planWorkspaceExport } from "@/lib/server/exports/export-workspace";
import { writeWorkspaceExport } from "@/lib/server/exports/write-workspace-export";

// The job runner: takes queued jobs from the Job table one at a time, with a lease (lockedBy,
// lockedUntil) renewed as it reports progress, so a job whose server died is taken over once
// its lease runs out. Any app server can run it; the database decides who gets a job.

const LEASE_MS = 60_000;
/** Progress is written at most this often (plus at the end): SQLite has one writer for everyone. */
const PROGRESS_EVERY_MS = 500;

/** This runner's name in the Job table (lockedBy): the process and, per thread, a random part. */
export const runnerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** The job was cancelled (or taken over after a lost lease) while running: stop without a trace. */
class JobStopped extends Error {}

/** Where a job's result file lives. */
export function jobResultPath(jobId: string): string {
  return path.resolve(env().EXPORT_DIR, `${jobId}.out`);
}

async function claimNextJob(): Promise<Job | null> {
  const now = new Date();
  const candidates = await db.job.findMany({
    where: { OR: [{ status: "QUEUED", runAfter: { lte: now } }, { status: "RUNNING", lockedUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true, status: true, lockedUntil: true },
  });
  for (const c of candidates) {
    // Compare-and-set on what we read: another server that took the job changed it.
    const took = await db.job.updateMany({
      where: { id: c.id, status: c.status, lockedUntil: c.lockedUntil },
      data: { status: "RUNNING", lockedBy: runnerId, lockedUntil: new Date(Date.now() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (took.count === 1) return db.job.findUnique({ where: { id: c.id } });
  }
  return null;
}

async function runWorkspaceExport(job: Job): Promise<void> {
  const actor = await loadActor(job.createdById);
  // Access is checked again when the work starts: a member removed meanwhile gets nothing.
  const query = workspaceExportQuerySchema.parse(JSON.parse(job.payload));
  const plan = await planWorkspaceExport({ actor, query, now: job.createdAt });
  const file = jobResultPath(job.id);
  await mkdir(path.dirname(file), { recursive: true });
  let lastWrite = 0;
  const progress = async (done: number, total: number) => {
    if (done < total && Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = Date.now();
    const still = await db.job.updateMany({
      where: { id: job.id, lockedBy: runnerId, status: "RUNNING" },
      data: { progress: done, total, message: `Exported ${done} of ${total} articles`, lockedUntil: new Date(Date.now() + LEASE_MS) },
    });
    if (still.count === 0) throw new JobStopped();
  };
  await progress(0, plan.articles.length);
  const { size } = await writeWorkspaceExport(plan, file, progress);
  const done = await db.job.updateMany({
    where: { id: job.id, lockedBy: runnerId, status: "RUNNING" },
    data: {
      status: "SUCCEEDED",
      progress: plan.articles.length,
      total: plan.articles.length,
      message: `Exported ${plan.articles.length} article${plan.articles.length === 1 ? "" : "s"}`,
      resultName: plan.filename,
      resultType: plan.contentType,
      resultPath: file,
      resultSize: size,
      finishedAt: new Date(),
      lockedUntil: null,
    },
  });
  if (done.count === 0) throw new JobStopped();
}

const HANDLERS: Record<string, (job: Job) => Promise<void>> = {
  "export.workspace": runWorkspaceExport,
};

async function runJob(job: Job): Promise<void> {
  const handler = HANDLERS[job.type];
  try {
    if (!handler) throw new Error(`No handler for jobs of type ${job.type}`);
    await handler(job);
  } catch (e) {
    if (e instanceof JobStopped) return void (await rm(jobResultPath(job.id), { force: true }));
    if (!isAppError(e)) console.error(`Job ${job.id} (${job.type}) failed:`, e);
    await rm(jobResultPath(job.id), { force: true });
    await db.job.updateMany({
      where: { id: job.id, lockedBy: runnerId, status: "RUNNING" },
      data: {
        status: "FAILED",
        error: isAppError(e) ? e.message : "The export failed on the server. Try again; if it fails again, export a shorter date range.",
        finishedAt: new Date(),
        lockedUntil: null,
      },
    });
  }
}

const g = globalThis as unknown as { __factmarkJobRunner?: { current: Promise<void> | null; again: boolean } };
const state = (g.__factmarkJobRunner ??= { current: null, again: false });

/** Runs queued jobs until none is left; a call while running makes the runner look once more. Resolves when idle. */
export function runPendingJobs(): Promise<void> {
  if (state.current) {
    state.again = true;
    return state.current;
  }
  state.current = (async () => {
    do {
      state.again = false;
      for (let job = await claimNextJob(); job; job = await claimNextJob()) await runJob(job);
    } while (state.again);
  })()
    .catch((e) => console.error("The job runner stopped:", e))
    .finally(() => {
      state.current = null;
    });
  return state.current;
}
