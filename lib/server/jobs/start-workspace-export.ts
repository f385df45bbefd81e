import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { WorkspaceExportQuery } from "@/lib/exporting/request";
import type { JobView } from "@/lib/schemas/job";
import { requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import { planWorkspaceExport } from "@/lib/server/exports/export-workspace";
import { toJobView } from "./job-shape";
import { wakeJobRunner } from "./job-thread";

export const WORKSPACE_EXPORT_JOB = "export.workspace";

/**
 * Queues a workspace export as a background job: the request, the caller's access and the
 * article count are checked now (a refusal is immediate), the work runs in the job thread, and
 * the caller follows it with GET /api/v1/jobs/:id.
 */
export async function startWorkspaceExport({ actor: maybeActor, query }: { actor: MaybeActor; query: WorkspaceExportQuery }): Promise<JobView> {
  const actor = requireActor(maybeActor);
  const plan = await planWorkspaceExport({ actor, query });
  const job = await db.$transaction(async (tx) => {
    const row = await tx.job.create({
      data: {
        type: WORKSPACE_EXPORT_JOB,
        workspaceId: plan.workspace.id,
        createdById: actor.userId,
        payload: JSON.stringify({ ...query, workspace: plan.workspace.id }),
        total: plan.articles.length,
        message: `Waiting to export ${plan.articles.length} article${plan.articles.length === 1 ? "" : "s"}`,
      },
    });
    await recordAudit(tx, {
      workspaceId: plan.workspace.id,
      actorId: actor.userId,
      entityType: "Job",
      entityId: row.id,
      action: "export.workspace.start",
      after: { format: plan.format, articleFormat: plan.articleFormat, scope: plan.scope, articles: plan.articles.length },
    });
    return row;
  });
  wakeJobRunner();
  return toJobView(job);
}
