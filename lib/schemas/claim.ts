import "./zod-config";
import { z } from "zod";
import { claimStatusSchema, stanceSchema } from "./enums";

// Claim, source and comment input shapes, shared by the claim panel (client) and the API
// routes. Length caps live here so the form and the server agree on them.

export const CLAIM_LIMITS = {
  statement: 1_000,
  claimant: 200,
  rationale: 20_000,
  comment: 5_000,
  sourceUrl: 2_000,
  sourceTitle: 500,
  sourcePublisher: 200,
  sourceExcerpt: 5_000,
  quote: 10_000,
} as const;

const capped = (field: string, max: number) =>
  z.string().max(max, `${field} is too long: keep it under ${max.toLocaleString("en-US")} characters.`);

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "The quote is empty: select some text.").max(CLAIM_LIMITS.quote, `The selection is too long: keep it under ${CLAIM_LIMITS.quote.toLocaleString("en-US")} characters.`),
  prefix: z.string().max(500).optional(),
  suffix: z.string().max(500).optional(),
});

export const textPositionSelectorSchema = z.strictObject({
  type: z.literal("TextPositionSelector"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

export const selectorSchema = z.discriminatedUnion("type", [textQuoteSelectorSchema, textPositionSelectorSchema]);

export const claimTargetSchema = z.strictObject({
  /** Optional IRI of the article (echoed back); ignored on input. */
  source: z.string().max(2_000).optional(),
  selector: z
    .array(selectorSchema)
    .min(1, "target.selector needs a TextQuoteSelector (and ideally a TextPositionSelector).")
    .max(4)
    .refine((list) => list.some((s) => s.type === "TextQuoteSelector"), "target.selector must include a TextQuoteSelector with the exact text."),
});

/** Verdict key of the workspace scale, or null to clear it. */
const verdictKeySchema = z.string().trim().min(1).max(64);

export const createClaimSchema = z.strictObject({
  target: claimTargetSchema,
  statement: capped("The statement", CLAIM_LIMITS.statement).optional(),
  claimant: capped("The claimant", CLAIM_LIMITS.claimant).nullish(),
  verdict: verdictKeySchema.nullish(),
  rationale: capped("The rationale", CLAIM_LIMITS.rationale).optional(),
  status: claimStatusSchema.optional(),
  assigneeId: z.string().min(1).max(64).nullish(),
});
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const claimPatchFieldsSchema = z.strictObject({
  statement: capped("The statement", CLAIM_LIMITS.statement).optional(),
  claimant: capped("The claimant", CLAIM_LIMITS.claimant).nullish(),
  verdict: verdictKeySchema.nullish(),
  rationale: capped("The rationale", CLAIM_LIMITS.rationale).optional(),
  status: claimStatusSchema.optional(),
  assigneeId: z.string().min(1).max(64).nullish(),
});
export type ClaimPatch = z.infer<typeof claimPatchFieldsSchema>;

export const updateClaimSchema = claimPatchFieldsSchema.extend({
  version: z.number({ error: "version is required: send the version of the claim you edited." }).int().min(1),
});
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date in the form YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "That date does not exist; use YYYY-MM-DD.");

/** http(s) only: javascript:, data:, file: and friends are refused. */
export const httpUrlSchema = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is required.`)
    .max(CLAIM_LIMITS.sourceUrl, `${field} is too long.`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    }, `${field} must be a web address starting with http:// or https://.`);

const sourceFields = {
  url: httpUrlSchema("The source URL"),
  title: capped("The source title", CLAIM_LIMITS.sourceTitle).nullish(),
  publisher: capped("The publisher", CLAIM_LIMITS.sourcePublisher).nullish(),
  publishedOn: isoDate.nullish(),
  accessedOn: isoDate.nullish(),
  excerpt: capped("The excerpt", CLAIM_LIMITS.sourceExcerpt).nullish(),
  stance: stanceSchema.optional(),
  archiveUrl: httpUrlSchema("The archive URL").nullish().or(z.literal("").transform(() => null)),
};

export const createSourceSchema = z.strictObject(sourceFields);
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

export const updateSourceSchema = z.strictObject({
  ...sourceFields,
  url: sourceFields.url.optional(),
  /** The source's version the edit was based on; a stale one is a 409 with the current source. */
  version: z.number({ error: "Send the source's version (from when you opened it) so a concurrent edit is not overwritten." }).int().min(1),
});
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const createCommentSchema = z.strictObject({
  body: z.string().trim().min(1, "Write a comment first.").max(CLAIM_LIMITS.comment, `The comment is too long: keep it under ${CLAIM_LIMITS.comment.toLocaleString("en-US")} characters.`),
  parentId: z.string().min(1).max(64).nullish(),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const updateCommentSchema = z.strictObject({ resolved: z.boolean() });

const claimFilterFields = {
  verdict: z.string().max(64).optional(),
  status: claimStatusSchema.optional(),
  assignee: z.string().max(64).optional(),
};
export const claimFiltersSchema = z.strictObject(claimFilterFields);
export type ClaimFilters = z.infer<typeof claimFiltersSchema>;

export const CLAIM_PAGE_MAX = 500;

/** GET /api/v1/articles/:id/claims: filters plus keyset paging and a light "summary" shape. */
export const listClaimsQuerySchema = z.strictObject({
  ...claimFilterFields,
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${CLAIM_PAGE_MAX}.` })
    .int(`limit must be a whole number from 1 to ${CLAIM_PAGE_MAX}.`)
    .min(1, `limit must be a whole number from 1 to ${CLAIM_PAGE_MAX}.`)
    .max(CLAIM_PAGE_MAX, `limit must be a whole number from 1 to ${CLAIM_PAGE_MAX}.`)
    .optional(),
  after: z.string().max(400, "after must be the nextCursor of the previous page.").optional(),
  fields: z.enum(["full", "summary"], { error: 'fields must be "full" or "summary" (no rationale, sources or selectors).' }).optional(),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuerySchema>;

// ---- Output shapes (API and claim panel) -----------------------------------------------

export interface ApiPerson {
  id: string;
  name: string;
}

export interface ApiSource {
  id: string;
  claimId: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  excerpt: string | null;
  stance: "SUPPORTS" | "REFUTES" | "CONTEXT";
  archiveUrl: string | null;
  position: number;
  /** Optimistic concurrency, like claims: PATCH /sources/{id} sends it back. */
  version: number;
}

export interface ApiClaim {
  id: string;
  articleId: string;
  type: "Annotation";
  target: {
    source: string;
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
  exact: string;
  start: number;
  end: number;
  statement: string;
  claimant: string | null;
  /** Verdict key of the workspace scale. */
  verdict: string | null;
  /** Sanitized HTML. */
  rationale: string;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
  version: number;
  author: ApiPerson;
  updatedBy: ApiPerson;
  approvedBy: ApiPerson | null;
  approvedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  sources: ApiSource[];
  /** Internal fields: absent for readers. */
  assignee?: ApiPerson | null;
  /** Why the claim is (back) in review, e.g. "Verdict changed after approval — needs review again". */
  reviewReason?: string | null;
  commentCount?: number;
  openThreadCount?: number;
  /** How the claim survived the latest text revision (internal). */
  anchor?: ApiClaimAnchor;
}

export interface ApiClaimAnchor {
  state: "INTACT" | "MOVED" | "CHANGED" | "ORPHANED";
  /** Quote similarity (0..1) when the quote was re-found after its text changed. */
  score: number | null;
  /** The quote before the revision that changed or orphaned it. */
  previousExact: string | null;
  /** Revision number the selectors refer to. */
  revision: number;
}

export interface ApiComment {
  id: string;
  claimId: string;
  parentId: string | null;
  author: ApiPerson;
  /** Sanitized HTML. */
  body: string;
  resolved: boolean;
  resolvedBy: ApiPerson | null;
  resolvedAt: string | null;
  createdAt: string;
  mentions: ApiPerson[];
}

export interface ApiHistoryEntry {
  id: string;
  action: string;
  actor: ApiPerson | null;
  createdAt: string;
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ApiScaleVerdict {
  key: string;
  label: string;
  description: string;
  color: string;
  order: number;
  ratingValue: number | null;
}

export interface ApiScale {
  workspaceId: string;
  name: string;
  bestRating: number;
  worstRating: number;
  verdicts: ApiScaleVerdict[];
}

/** GET /api/v1/workspaces/:idOrSlug/claimants: claimant suggestions, optionally those containing `q`. */
export const claimantsQuerySchema = z.strictObject({
  q: z.string().trim().max(CLAIM_LIMITS.claimant).optional(),
});
