import { z } from "zod";
import { claimStatusSchema } from "./enums";

// The review queue ("Claims" page and GET /api/v1/claims): one filter schema for both.

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date in the form YYYY-MM-DD.");

export const reviewQueueQuerySchema = z.strictObject({
  status: claimStatusSchema.optional(),
  verdict: z.string().max(64).optional().describe('A verdict key, or "none" for unrated claims'),
  assignee: z.string().max(64).optional().describe('"me", "none" or a user id'),
  waiting: z.enum(["mine"]).optional().describe('"mine": in review and approvable by you (not your own when the workspace requires independent approval)'),
  author: z.string().max(64).optional().describe('"me" or a user id'),
  article: z.string().max(64).optional().describe("Article id"),
  from: isoDay.optional().describe("Last changed on or after this day (UTC)"),
  to: isoDay.optional().describe("Last changed on or before this day (UTC)"),
  sort: z.enum(["oldest", "newest"]).optional().describe("By age of the last change; oldest first by default"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  workspace: z.string().max(200).optional(),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export interface ReviewQueueItem {
  id: string;
  statement: string;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  verdict: string | null;
  reviewReason: string | null;
  article: { id: string; title: string };
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewQueuePage {
  items: ReviewQueueItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type StatusCounts = Record<"DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED", number>;

/** POST /api/v1/claims/bulk: a reviewer's action on claims picked in the queue, each with the version seen there. */
export const BULK_LIMIT = 100;
const bulkItems = z
  .array(z.strictObject({ id: z.string().min(1).max(64), version: z.number().int().min(1) }))
  .min(1, "Pick at least one claim.")
  .max(BULK_LIMIT, `Pick at most ${BULK_LIMIT} claims at a time.`);
export const bulkClaimActionSchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("assign"),
    claims: bulkItems,
    assigneeId: z.string().min(1).max(64).nullable().describe("A member's user id, or null to unassign"),
  }),
  z.strictObject({
    action: z.literal("request-changes"),
    claims: bulkItems,
  }),
]);
export type BulkClaimAction = z.infer<typeof bulkClaimActionSchema>;

export interface BulkClaimResult {
  id: string;
  ok: boolean;
  /** The claim's status and version after the action (when ok). */
  status?: ReviewQueueItem["status"];
  version?: number;
  /** Why it was skipped: stale version, not in review, no access... */
  error?: { code: string; message: string };
}

export interface BulkClaimOutcome {
  done: number;
  skipped: number;
  results: BulkClaimResult[];
}
