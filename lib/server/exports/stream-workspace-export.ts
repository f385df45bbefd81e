import "server-only";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { MaybeActor } from "@/lib/auth/actor";
import type { WorkspaceExportQuery } from "@/lib/exporting/request";
import { writeWorkspaceExportOffThread } from "@/lib/server/jobs/job-thread";
import type { JobDownload } from "@/lib/server/jobs/get-job";
import { planWorkspaceExport } from "./export-workspace";

/**
 * A synchronous workspace export (GET /api/v1/exports): the request and the caller's access are
 * checked here, the file is written by the job thread (every article read and rendered there), and
 * this thread only streams the finished file. Same file as the background job's.
 */
export async function streamWorkspaceExport({ actor, query, now = new Date() }: { actor: MaybeActor; query: WorkspaceExportQuery; now?: Date }): Promise<JobDownload> {
  const plan = await planWorkspaceExport({ actor, query, now });
  const dir = await mkdtemp(path.join(os.tmpdir(), "factmark-export-"));
  try {
    const file = path.join(dir, "export");
    const { size } = await writeWorkspaceExportOffThread(plan, file);
    // Opened before the folder goes: the open file stays readable, and nothing is left behind
    // whether or not the client reads it to the end.
    const handle = await open(file);
    const stream = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    return { filename: plan.filename, contentType: plan.contentType, size, stream };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
