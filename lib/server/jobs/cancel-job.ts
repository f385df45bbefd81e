import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { JobView } from "@/lib/schemas/job";
import { memberOf, requireActor } from "@/lib/server/access";
import { toJobView } from "./job-shape";

/** Cancels the caller's own unfinished job; the runner stops at its next progress report. A finished job is left as it is. */
export async function cancelJob({ actor: maybeActor, jobId }: { actor: MaybeActor; jobId: string }): Promise<JobView> {
  const actor = requireActor(maybeActor);
  const own = { id: jobId, createdById: actor.userId, workspace: memberOf(actor) };
  await db.job.updateMany({
    where: { ...own, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", message: "Cancelled", finishedAt: new Date(), lockedUntil: null },
  });
  const job = await db.job.findFirst({ where: own });
  if (!job) throw notFound("Job");
  return toJobView(job);
}
