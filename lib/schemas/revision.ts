import "./zod-config";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { articleDocumentSchema } from "./document";

// Article revisions: the body that revises an article (API, page, CLI) and the shapes the
// revision routes answer with.

export const REVISION_KINDS = ["IMPORT", "EDIT", "NEW_VERSION", "REFRESH"] as const;
export const revisionKindSchema = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof revisionKindSchema>;

export const ANCHOR_STATES = ["INTACT", "MOVED", "CHANGED", "ORPHANED"] as const;
export const anchorStateSchema = z.enum(ANCHOR_STATES);

export const REVISION_REASON_MAX = 500;

const CONTENT_KEYS = ["text", "html", "markdown", "url", "document", "refresh"] as const;

export const reviseArticleSchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    markdown: z.string().optional(),
    url: z.string().max(2_000, "The URL is too long.").optional(),
    /** The edited document (in-place edit on the article page). */
    document: articleDocumentSchema.optional(),
    /** Re-fetch the article's source URL. */
    refresh: z.literal(true).optional(),
    reason: z.string().trim().max(REVISION_REASON_MAX, `Keep the reason under ${REVISION_REASON_MAX} characters.`).optional(),
    /** The revision number the change was based on; a stale one is a 409. */
    baseRevision: z.number().int().min(1),
    /** Claim spans as the editor's own step mapping carried them (canonical offsets). */
    proposed: z.array(z.strictObject({ claimId: z.string().max(100), start: z.number().int().min(0), end: z.number().int().min(0) })).max(100_000).optional(),
  })
  .superRefine((body, ctx) => {
    const given = CONTENT_KEYS.filter((k) => body[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message:
          given.length === 0
            ? 'Give the new text as exactly one of "text", "html", "markdown", "url", "document", or "refresh": true.'
            : `Give exactly one of "text", "html", "markdown", "url", "document" or "refresh", not ${given.map((k) => `"${k}"`).join(" and ")}.`,
      });
    }
  });
export type ReviseArticleInput = z.infer<typeof reviseArticleSchema>;

export const anchorSummarySchema = z.object({ intact: z.number().int(), moved: z.number().int(), changed: z.number().int(), orphaned: z.number().int() });
export type AnchorSummary = z.infer<typeof anchorSummarySchema>;

export const diffSegmentSchema = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() });
export type DiffSegment = z.infer<typeof diffSegmentSchema>;

export const revisionSchema = z.object({
  number: z.number().int(),
  kind: revisionKindSchema,
  reason: z.string().nullable(),
  contentHash: z.string(),
  summary: anchorSummarySchema.nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }),
  current: z.boolean(),
});
export type ApiRevision = z.infer<typeof revisionSchema>;

export const revisionDetailSchema = revisionSchema.extend({
  canonicalText: z.string(),
  document: z.record(z.string(), z.unknown()),
});

export const claimReanchorSchema = z.object({
  id: z.string(),
  state: anchorStateSchema,
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  previousExact: z.string().nullable(),
  score: z.number(),
  status: z.string(),
  /** True when an approved or published claim went back to review. */
  backToReview: z.boolean(),
});
export type ClaimReanchor = z.infer<typeof claimReanchorSchema>;

export const revisionResultSchema = z.object({
  revision: revisionSchema,
  summary: anchorSummarySchema,
  claims: z.array(claimReanchorSchema),
});
export type RevisionResult = z.infer<typeof revisionResultSchema>;

export const revisionPreviewSchema = z.object({
  baseRevision: z.number().int(),
  canonicalText: z.string(),
  document: z.record(z.string(), z.unknown()),
  diff: z.array(diffSegmentSchema),
  summary: anchorSummarySchema,
  claims: z.array(claimReanchorSchema),
});
export type RevisionPreview = z.infer<typeof revisionPreviewSchema>;

export const revisionDiffSchema = z.object({ from: z.number().int(), to: z.number().int(), diff: z.array(diffSegmentSchema) });
export const revisionDiffQuerySchema = z.strictObject({ against: z.coerce.number().int().min(1) });

/** A revision number from the path: a positive integer, else 404 (no such revision). */
export function parseRevisionNumber(value: string): number {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new AppError("NOT_FOUND", "Revision not found.");
  return n;
}

export const reattachClaimSchema = z
  .strictObject({
    version: z.number().int().min(1),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** The text revision the span (or the span accepted) was seen on; a newer one is a 409. */
    revision: z.number().int().min(1).optional(),
  })
  .refine((b) => (b.start === undefined) === (b.end === undefined), { message: "Give both start and end of the new span, or neither to accept the span found." });
