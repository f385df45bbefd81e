import { z } from "zod";
import {
  claimantsQuerySchema,
  createClaimSchema,
  createCommentSchema,
  createSourceSchema,
  listClaimsQuerySchema,
  updateClaimSchema,
  updateCommentSchema,
  updateSourceSchema,
} from "@/lib/schemas/claim";
import { bulkClaimActionSchema, reviewQueueQuerySchema } from "@/lib/schemas/review-queue";
import { errorResponses, registry } from "../registry";

// Claims, sources, comments and the rating scale. Request bodies are the same zod schemas
// the route handlers parse.

const person = z.object({ id: z.string(), name: z.string() });

const sourceSchema = registry.register(
  "Source",
  z.object({
    id: z.string(),
    claimId: z.string(),
    url: z.string().openapi({ example: "https://www.un.org/press/en/2014/ga11493.doc.htm" }),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedOn: z.string().nullable().openapi({ example: "2014-03-27" }),
    accessedOn: z.string().nullable(),
    excerpt: z.string().nullable(),
    stance: z.enum(["SUPPORTS", "REFUTES", "CONTEXT"]),
    archiveUrl: z.string().nullable(),
    position: z.number().int(),
    version: z.number().int().describe("Optimistic concurrency: send it back when changing the source"),
  }),
);

const claimSchema = registry.register(
  "Claim",
  z.object({
    id: z.string(),
    articleId: z.string(),
    type: z.literal("Annotation"),
    target: z.object({
      source: z.string(),
      selector: z.array(z.union([
        z.object({ type: z.literal("TextQuoteSelector"), exact: z.string(), prefix: z.string(), suffix: z.string() }),
        z.object({ type: z.literal("TextPositionSelector"), start: z.number().int(), end: z.number().int() }),
      ])),
    }),
    exact: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    statement: z.string(),
    claimant: z.string().nullable(),
    verdict: z.string().nullable().openapi({ description: "Verdict key of the workspace scale (GET /api/v1/scale)", example: "true" }),
    rationale: z.string().openapi({ description: "Sanitized HTML" }),
    status: z.enum(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"]),
    version: z.number().int().openapi({ description: "Send it back with every PATCH" }),
    author: person,
    updatedBy: person,
    approvedBy: person.nullable(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
    sources: z.array(sourceSchema),
    assignee: person.nullable().optional().openapi({ description: "Editors and admins only" }),
    reviewReason: z.string().nullable().optional().openapi({
      description: "Editors and admins only: why the claim is back in review (an approved part changed after approval)",
      example: "Verdict changed after approval — needs review again",
    }),
    commentCount: z.number().int().optional(),
    openThreadCount: z.number().int().optional(),
    anchor: z
      .object({
        state: z.enum(["INTACT", "MOVED", "CHANGED", "ORPHANED"]),
        score: z.number().nullable(),
        previousExact: z.string().nullable(),
        revision: z.number().int(),
      })
      .optional()
      .openapi({ description: "How the claim survived the latest text revision (editors and admins only)" }),
  }),
);

const commentSchema = registry.register(
  "Comment",
  z.object({
    id: z.string(),
    claimId: z.string(),
    parentId: z.string().nullable(),
    author: person,
    body: z.string().openapi({ description: "Sanitized HTML" }),
    resolved: z.boolean(),
    resolvedBy: person.nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    mentions: z.array(person),
  }),
);

const historySchema = z.object({
  id: z.string(),
  action: z.string().openapi({ example: "claim.update" }),
  actor: person.nullable(),
  createdAt: z.string(),
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

const scaleSchema = registry.register(
  "RatingScale",
  z.object({
    workspaceId: z.string(),
    name: z.string(),
    bestRating: z.number().int(),
    worstRating: z.number().int(),
    verdicts: z.array(
      z.object({ key: z.string(), label: z.string(), description: z.string(), color: z.string(), order: z.number().int(), ratingValue: z.number().int().nullable() }),
    ),
  }),
);

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } } } });
const idParam = (what: string) => z.object({ id: z.string().openapi({ description: `${what} id` }) });

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/claims",
  summary: "An article's claims in document order",
  description:
    "Pages with a keyset cursor: `limit` claims (1–500; all of them without a limit), then pass `nextCursor` as `after` for the next page (null on the last one). `fields=summary` leaves out the rationale, the sources and the selectors. Readers get published claims as published (the latest publication), never later edits.",
  tags: ["Claims"],
  request: { params: idParam("Article"), query: listClaimsQuerySchema },
  responses: {
    200: json(z.object({ claims: z.array(claimSchema), nextCursor: z.string().nullable().openapi({ description: "Cursor of the next page (pass as `after`); null on the last page." }) }), "Claims"),
    ...errorResponses(400, 401, 404),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/claims",
  summary: "Create a claim on a span of the article (W3C TextQuoteSelector + TextPositionSelector)",
  tags: ["Claims"],
  request: { params: idParam("Article"), ...body(createClaimSchema) },
  responses: { 201: json(claimSchema, "The new claim"), ...errorResponses(400, 401, 403, 404, 422) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/claims/trash",
  summary: "Deleted claims of an article (restorable; editors and admins)",
  tags: ["Claims"],
  request: { params: idParam("Article") },
  responses: {
    200: json(
      z.object({ claims: z.array(claimSchema), retentionDays: z.number().int().describe("Days a deleted claim stays restorable before it is purged for good") }),
      "Deleted claims",
    ),
    ...errorResponses(401, 403, 404),
  },
});

const queueItemSchema = registry.register(
  "ReviewQueueItem",
  z.object({
    id: z.string(),
    statement: z.string(),
    status: z.enum(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"]),
    verdict: z.string().nullable(),
    reviewReason: z.string().nullable(),
    article: z.object({ id: z.string(), title: z.string() }),
    author: person,
    assignee: person.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

registry.registerPath({
  method: "get",
  path: "/api/v1/claims",
  summary: "The review queue: claims across the workspace's articles, filtered, oldest change first, keyset-paged (editors and admins)",
  tags: ["Claims"],
  request: { query: reviewQueueQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(queueItemSchema), nextCursor: z.string().nullable() }), "One page of claims"),
    ...errorResponses(400, 401, 403, 404),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/claims/{id}",
  summary: "One claim",
  tags: ["Claims"],
  request: { params: idParam("Claim") },
  responses: { 200: json(claimSchema, "The claim"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/claims/{id}",
  summary: "Change a claim or move it through the workflow (DRAFT → IN_REVIEW → APPROVED); carries the version it was based on",
  tags: ["Claims"],
  request: { params: idParam("Claim"), ...body(updateClaimSchema) },
  responses: { 200: json(claimSchema, "The updated claim"), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/claims/{id}",
  summary: "Move a claim to the trash",
  tags: ["Claims"],
  request: { params: idParam("Claim") },
  responses: { 200: json(z.object({ id: z.string(), deletedAt: z.string() }), "Deleted"), ...errorResponses(401, 403, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/{id}/restore",
  summary: "Restore a deleted claim",
  tags: ["Claims"],
  request: { params: idParam("Claim") },
  responses: { 200: json(claimSchema, "Restored"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/claims/{id}/history",
  summary: "Every change to the claim: who, when, fields, before and after",
  tags: ["Claims"],
  request: { params: idParam("Claim") },
  responses: { 200: json(z.object({ history: z.array(historySchema) }), "History"), ...errorResponses(401, 403, 404) },
});

const sourceWithVersion = sourceSchema.extend({ claimVersion: z.number().int() });

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/{id}/sources",
  summary: "Add a source (http/https URLs only)",
  tags: ["Sources"],
  request: { params: idParam("Claim"), ...body(createSourceSchema) },
  responses: { 201: json(sourceWithVersion, "The new source and the claim's new version"), ...errorResponses(400, 401, 403, 404, 422) },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/sources/{id}",
  summary: "Change a source (send the version you read; a stale one is a 409 with the current source)",
  tags: ["Sources"],
  request: { params: idParam("Source"), ...body(updateSourceSchema) },
  responses: { 200: json(sourceWithVersion, "The updated source"), ...errorResponses(400, 401, 403, 404, 409) },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/sources/{id}",
  summary: "Remove a source",
  tags: ["Sources"],
  request: { params: idParam("Source") },
  responses: { 200: json(z.object({ id: z.string(), claimId: z.string(), claimVersion: z.number().int() }), "Removed"), ...errorResponses(401, 403, 404, 422) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/claims/{id}/comments",
  summary: "A claim's comment threads (editors and admins)",
  tags: ["Comments"],
  request: { params: idParam("Claim") },
  responses: { 200: json(z.object({ comments: z.array(commentSchema) }), "Comments"), ...errorResponses(401, 403, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/{id}/comments",
  summary: "Comment or reply (parentId); @[Name](userId) or @Name mentions a member",
  tags: ["Comments"],
  request: { params: idParam("Claim"), ...body(createCommentSchema) },
  responses: { 201: json(commentSchema, "The new comment"), ...errorResponses(400, 401, 403, 404, 422) },
});

registry.registerPath({
  method: "patch",
  path: "/api/v1/comments/{id}",
  summary: "Resolve or reopen a comment thread",
  tags: ["Comments"],
  request: { params: idParam("Comment"), ...body(updateCommentSchema) },
  responses: { 200: json(commentSchema, "The thread's first comment"), ...errorResponses(400, 401, 403, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/scale",
  summary: "The workspace's rating scale: verdict keys claims refer to",
  tags: ["Claims"],
  request: { query: z.object({ workspace: z.string().optional().openapi({ description: "Workspace id or slug; default: your first" }) }) },
  responses: { 200: json(scaleSchema, "The scale"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/bulk",
  summary: "A reviewer's action on several claims: assign (or unassign), or request changes on claims in review (back to draft)",
  description: `Each claim carries the version seen in the queue and goes through the same checks as a single edit (access, workflow rules, version, audit, notifications), in its own transaction. Claims that fail a check are skipped with the reason; the others are changed. At most 100 claims per request.`,
  tags: ["Claims"],
  request: { ...body(bulkClaimActionSchema) },
  responses: {
    200: json(
      z.object({
        done: z.number().int(),
        skipped: z.number().int(),
        results: z.array(
          z.object({
            id: z.string(),
            ok: z.boolean(),
            status: z.enum(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"]).optional(),
            version: z.number().int().optional(),
            error: z.object({ code: z.string(), message: z.string() }).optional(),
          }),
        ),
      }),
      "What was done to each claim",
    ),
    ...errorResponses(400, 401),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/workspaces/{idOrSlug}/claimants",
  summary: "Claimants used in a workspace (editors), most used first: suggestions for a claim's claimant",
  tags: ["Claims"],
  request: { params: z.object({ idOrSlug: z.string().openapi({ description: "Workspace id or slug" }) }), query: claimantsQuerySchema },
  responses: { 200: { description: "Up to 200 claimants", content: { "application/json": { schema: z.object({ items: z.array(z.string()) }) } } }, ...errorResponses(401, 403, 404) },
});
