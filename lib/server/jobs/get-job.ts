import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { JobView } from "@/lib/schemas/job";
import { memberOf, requireActor } from "@/lib/server/access";
import { toJobView } from "./job-shape";

// A job is visible to the member who asked for it, while they are an active member of its
// workspace; to everyone else it does not exist (404).

function findOwnJob(actor: MaybeActor, jobId: string) {
  const a = requireActor(actor);
  return db.job.findFirst({ where: { id: jobId, createdById: a.userId, workspace: memberOf(a) } });
}

export async function getJob({ actor, jobId }: { actor: MaybeActor; jobId: string }): Promise<JobView> {
  const job = await findOwnJob(actor, jobId);
  if (!job) throw notFound("Job");
  return toJobView(job);
}

export interface JobDownload {
  filename: string;
  contentType: string;
  size: number;
  stream: ReadableStream<Uint8Array>;
}

/** The finished job's file, streamed from disk. */
export async function getJobDownload({ actor, jobId }: { actor: MaybeActor; jobId: string }): Promise<JobDownload> {
  const job = await findOwnJob(actor, jobId);
  if (!job) throw notFound("Job");
  if (job.status !== "SUCCEEDED" || !job.resultPath || !job.resultName) {
    throw new AppError("CONFLICT", job.status === "FAILED" ? "This export failed; start a new one." : "This export is not finished yet. Wait until its progress reaches the end.");
  }
  const size = await stat(job.resultPath).then((s) => s.size, () => null);
  if (size === null) throw new AppError("GONE", "This export's file has been removed (finished exports are kept for a day). Start a new export.");
  return {
    filename: job.resultName,
    contentType: job.resultType ?? "application/octet-stream",
    size,
    stream: Readable.toWeb(createReadStream(job.resultPath)) as ReadableStream<Uint8Array>,
  };
}
