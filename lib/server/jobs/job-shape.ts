import "server-only";
import type { Job } from "@/lib/generated/sqlite/client";
import type { JobStatus, JobView } from "@/lib/schemas/job";

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.type,
    status: job.status as JobStatus,
    progress: job.progress,
    total: job.total,
    message: job.message,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result:
      job.status === "SUCCEEDED" && job.resultName && job.resultPath
        ? { filename: job.resultName, contentType: job.resultType ?? "application/octet-stream", size: job.resultSize ?? 0, downloadUrl: `/api/v1/jobs/${job.id}/download` }
        : null,
  };
}
