import { z } from "zod";
import { errorResponses, registry } from "../registry";
import { publishArticleSchema, publishResultSchema, unpublishArticleSchema, unpublishResultSchema } from "@/lib/schemas/publication";

const articleId = z.object({ id: z.string().describe("Article id") });

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/publish",
  summary: "Publish the article's approved claims (or a correction)",
  description:
    "Editors and admins. Takes a snapshot of the approved and published claims (drafts and claims in review never reach readers) and makes it readable at /r/<slug>. " +
    "Publishing again after a change is a correction and requires `reason`; the changes are listed in the public corrections log. Publishing with no change answers `published: false`.",
  tags: ["Publishing"],
  request: { params: articleId, body: { content: { "application/json": { schema: publishArticleSchema } } } },
  responses: {
    200: { description: "Published (or nothing to publish)", content: { "application/json": { schema: publishResultSchema } } },
    ...errorResponses(400, 401, 404, 422),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/unpublish",
  summary: "Withdraw a published fact-check",
  description: "Its address then answers 410 with the date and the reason.",
  tags: ["Publishing"],
  request: { params: articleId, body: { content: { "application/json": { schema: unpublishArticleSchema } } } },
  responses: {
    200: { description: "Withdrawn", content: { "application/json": { schema: unpublishResultSchema } } },
    ...errorResponses(400, 401, 404, 409),
  },
});

const publicSource = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedOn: z.string().nullable(),
  accessedOn: z.string().nullable(),
  excerpt: z.string().nullable(),
  stance: z.enum(["SUPPORTS", "REFUTES", "CONTEXT"]),
  archiveUrl: z.string().nullable(),
});
const verdict = z.object({ key: z.string(), label: z.string(), description: z.string(), color: z.string(), ratingValue: z.number().nullable(), order: z.number() });
const person = z.object({ id: z.string(), name: z.string() });

const publicArticleSchema = z
  .object({
    url: z.string().describe("Reader page URL, e.g. https://factmark.example/r/biden-putin-call"),
    visibility: z.enum(["PUBLIC", "MEMBERS"]),
    publicationNumber: z.number().int().describe("The publication shown: the latest, or with ?revision=<n> the last one made from that text revision"),
    earlierRevision: z.number().int().optional().describe("Present when ?revision=<n> asked for an earlier text version: n"),
    article: z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      byline: z.string().nullable(),
      sourceUrl: z.string().nullable(),
      siteName: z.string().nullable(),
      publishedAt: z.string().nullable(),
      language: z.string().nullable(),
      excerpt: z.string().nullable(),
      document: z.unknown().describe("The article as ProseMirror JSON"),
      canonicalText: z.string(),
      status: z.literal("PUBLISHED"),
      firstPublishedAt: z.string().nullable(),
      lastPublishedAt: z.string().nullable(),
      readerUrl: z.string(),
      revision: z
        .object({ number: z.number().int(), contentHash: z.string() })
        .optional()
        .describe("The text revision the claims' selectors refer to (absent in publications made before revisions)"),
    }),
    claims: z.array(
      z.object({
        id: z.string(),
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        claimant: z.string().nullable(),
        statement: z.string(),
        verdict: verdict.nullable(),
        rationale: z.string().describe("Sanitized HTML"),
        status: z.literal("PUBLISHED"),
        author: person,
        reviewer: person.nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
        approvedAt: z.string().nullable(),
        publishedAt: z.string().nullable(),
        sources: z.array(publicSource),
      }),
    ),
    scale: z.object({ name: z.string(), bestRating: z.number(), worstRating: z.number(), verdicts: z.array(verdict) }),
    organization: z.object({ name: z.string(), url: z.string().nullable() }),
    corrections: z.array(
      z.object({
        number: z.number().int(),
        reason: z.string(),
        changes: z.array(z.string()),
        createdAt: z.string(),
        previousRevision: z.number().int().optional().describe("When this correction changed the text: the revision readers saw before it (?revision=<n>)"),
      }),
    ),
  })
  .describe("PublicArticle: the latest publication snapshot (or an earlier text version's) and its corrections log");

registry.registerPath({
  method: "get",
  path: "/api/v1/public/articles/{slug}",
  summary: "A published fact-check: the latest publication snapshot and its corrections log",
  description:
    "No authentication for public articles; members-only articles need a session or token of a workspace member (401 signed out, 404 for others). Withdrawn: 410 with the reason. " +
    "With ?revision=<n>: an earlier published text version with its claims and corrections log as published then (what readers see at /r/<slug>?revision=<n>, linked from the corrections log); 404 when revision n was never published.",
  tags: ["Publishing"],
  security: [{}, { bearerAuth: [] }],
  request: {
    params: z.object({ slug: z.string() }),
    query: z.object({ revision: z.string().regex(/^[1-9]\d{0,8}$/).optional().describe("A text revision number (positive integer) that was published") }),
  },
  responses: {
    200: { description: "The published content", content: { "application/json": { schema: publicArticleSchema } } },
    ...errorResponses(401, 404, 410),
  },
});
