import { z } from "zod";
import {
  anchorSummarySchema,
  claimReanchorSchema,
  diffSegmentSchema,
  revisionKindSchema,
  REVISION_REASON_MAX,
} from "@/lib/schemas/revision";
import { errorResponses, registry } from "../registry";

// Article revisions (corrections): revise, preview, history, diff; claim re-anchoring.
// Schemas are re-created here so they carry `.openapi()` (see paths/articles.ts).

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const idParam = z.object({ id: z.string().openapi({ description: "Article id" }) });
const revParams = idParam.extend({ n: z.string().openapi({ description: "Revision number" }) });

const Summary = registry.register("AnchorSummary", z.object(anchorSummarySchema.shape));
const Revision = registry.register(
  "Revision",
  z.object({
    number: z.number().int(),
    kind: revisionKindSchema,
    reason: z.string().nullable(),
    contentHash: z.string().openapi({ description: "sha256 of the revision's canonical text" }),
    summary: Summary.nullable(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), name: z.string().nullable() }),
    current: z.boolean(),
  }),
);
const ClaimReanchor = registry.register("ClaimReanchor", z.object(claimReanchorSchema.shape));
const Segment = z.object(diffSegmentSchema.shape);

const reviseBody = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    markdown: z.string().optional(),
    url: z.string().optional().openapi({ description: "Fetch the new version from this address (public http(s) only)" }),
    document: z.record(z.string(), z.unknown()).optional().openapi({ description: "The edited document (Tiptap JSON in the article schema)" }),
    refresh: z.literal(true).optional().openapi({ description: "Re-fetch the article's source URL" }),
    reason: z.string().max(REVISION_REASON_MAX).optional().openapi({ description: "Why the text changed; required once the article is published" }),
    baseRevision: z.number().int().min(1).openapi({ description: "The revision your change is based on; a stale one is 409" }),
    proposed: z.array(z.object({ claimId: z.string(), start: z.number().int(), end: z.number().int() })).optional(),
  })
  .openapi({ description: 'Exactly one of "text", "html", "markdown", "url", "document" or "refresh"' });

const multipartBody = z.object({
  file: z.string().openapi({ format: "binary", description: "The new version: .txt, .md, .html or .docx" }),
  reason: z.string().optional(),
  baseRevision: z.string(),
});
const reviseRequest = {
  body: { required: true, content: { "application/json": { schema: reviseBody }, "multipart/form-data": { schema: multipartBody } } },
};

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/revisions",
  summary: "Revise an article's text; every claim is re-anchored (INTACT, MOVED, CHANGED or ORPHANED)",
  description:
    "Creates the next immutable revision. Approved or published claims whose quoted text changed or vanished go back to In review. A revision identical to the current text is refused (422); a stale baseRevision is 409. Editors and admins only.",
  tags: ["Revisions"],
  request: { params: idParam, ...reviseRequest },
  responses: {
    201: json(z.object({ revision: Revision, summary: Summary, claims: z.array(ClaimReanchor) }), "The new revision and each claim's result"),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/revisions/preview",
  summary: "What a revision would do (word diff, each claim's result), without saving",
  tags: ["Revisions"],
  request: { params: idParam, ...reviseRequest },
  responses: {
    200: json(
      z.object({
        baseRevision: z.number().int(),
        canonicalText: z.string(),
        document: z.record(z.string(), z.unknown()),
        diff: z.array(Segment),
        summary: Summary,
        claims: z.array(ClaimReanchor),
      }),
      "The preview",
    ),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/revisions",
  summary: "The article's revision history, newest first (editors and admins)",
  tags: ["Revisions"],
  request: { params: idParam },
  responses: { 200: json(z.object({ current: z.number().int(), revisions: z.array(Revision) }), "Revisions"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/revisions/{n}",
  summary: "One revision with its document and canonical text",
  tags: ["Revisions"],
  request: { params: revParams },
  responses: {
    200: json(Revision.extend({ canonicalText: z.string(), document: z.record(z.string(), z.unknown()) }), "The revision"),
    ...errorResponses(401, 404),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/revisions/{n}/diff",
  summary: "Word-level diff from revision `against` to revision n",
  tags: ["Revisions"],
  request: { params: revParams, query: z.object({ against: z.coerce.number().int().min(1) }) },
  responses: { 200: json(z.object({ from: z.number().int(), to: z.number().int(), diff: z.array(Segment) }), "The diff"), ...errorResponses(400, 401, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/{id}/reanchor",
  summary: "Anchor a CHANGED or ORPHANED claim again: accept the span found, or give a new span (start, end)",
  tags: ["Revisions"],
  request: {
    params: z.object({ id: z.string().openapi({ description: "Claim id" }) }),
    body: { required: true, content: { "application/json": { schema: z.object({
            version: z.number().int(),
            start: z.number().int().optional(),
            end: z.number().int().optional(),
            revision: z.number().int().optional().openapi({ description: "The text revision the span was selected on; if the article was revised since, 409" }),
          }) } } },
  },
  responses: { 200: json(z.object({ id: z.string() }).loose(), "The claim"), ...errorResponses(400, 401, 403, 404, 409, 422) },
});
