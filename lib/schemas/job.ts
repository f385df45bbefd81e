import "./zod-config";
import { z } from "zod";

// Background jobs as the API shows them (GET /api/v1/jobs/:id), shared by the export dialog.

export const JOB_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobViewSchema = z.object({
  id: z.string(),
  /** e.g. export.workspace */
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Units done (articles for an export) out of total. */
  progress: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
  /** Why it failed, in words a user can act on. */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When SUCCEEDED: the file's name, type, size and where to download it. */
  result: z
    .object({ filename: z.string(), contentType: z.string(), size: z.number().int(), downloadUrl: z.string() })
    .nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

export function isFinished(status: JobStatus): boolean {
  return status === "SUCCEEDED" || status === "FAILED" || status === "CANCELLED";
}
