import { z } from "zod";
import { linkClaimSchema, similarClaimsQuerySchema } from "@/lib/schemas/claim-link";
import { searchQuerySchema } from "@/lib/schemas/search";
import { errorResponses, registry } from "../registry";

const segments = z.array(z.object({ text: z.string(), hit: z.boolean() })).describe("Matched passage as plain-text segments; `hit` marks matched words");
const group = <T extends z.ZodRawShape>(item: T) => z.object({ total: z.number().int(), more: z.boolean(), items: z.array(z.object(item)) }).nullable();

const SearchResults = registry.register(
  "SearchResults",
  z.object({
    query: z.string().describe("The query as searched (trimmed; at most 200 characters)"),
    note: z.string().nullable().describe("Why the query was shortened, or why nothing could be searched"),
    page: z.number().int(),
    pageSize: z.number().int(),
    articles: group({ id: z.string(), title: z.string(), status: z.string(), createdAt: z.string(), snippet: segments }),
    claims: group({
      id: z.string(),
      articleId: z.string(),
      articleTitle: z.string(),
      statement: z.string(),
      claimant: z.string().nullable(),
      verdictKey: z.string().nullable(),
      status: z.string(),
      createdAt: z.string(),
      snippet: segments,
    }),
    sources: group({
      id: z.string(),
      claimId: z.string(),
      articleId: z.string(),
      claimStatement: z.string(),
      url: z.string(),
      title: z.string().nullable(),
      publisher: z.string().nullable(),
      snippet: segments,
    }),
  }),
);

registry.registerPath({
  method: "get",
  path: "/api/v1/search",
  summary: "Search articles, claims and sources of a workspace",
  description:
    "Ranked full-text search (SQLite FTS5 or PostgreSQL full-text search, with stemming). Every word must match; when nothing matches every word, results matching any word are returned. " +
    "Quotes, `*`, `-`, `OR`, `NEAR` and parentheses are treated as plain text. A group is null when it was not searched (`kind`, or a filter only another kind has). " +
    "Readers find published articles and claims only. `status` filters claims (DRAFT, IN_REVIEW, APPROVED, PUBLISHED) or articles (DRAFT, PUBLISHED, WITHDRAWN); `verdict` and `claimant` filter claims and their sources; `from`/`to` filter by creation date (inclusive). `page`/`pageSize` page every group.",
  tags: ["Search"],
  request: { query: searchQuerySchema },
  responses: {
    200: { description: "Results grouped by kind", content: { "application/json": { schema: SearchResults } } },
    ...errorResponses(400, 401, 404),
  },
});

const SimilarClaim = registry.register(
  "SimilarClaim",
  z.object({
    id: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    statement: z.string(),
    claimant: z.string().nullable(),
    verdictKey: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    sourceCount: z.number().int(),
    score: z.number().describe("0..1, higher is closer"),
  }),
);
const LinkedClaim = registry.register(
  "LinkedClaim",
  z.object({
    id: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    statement: z.string(),
    verdictKey: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    direction: z.enum(["earlier", "later"]).describe("earlier: this claim was linked to it; later: it was linked to this claim"),
  }),
);
const linkList = { content: { "application/json": { schema: z.object({ items: z.array(LinkedClaim) }) } } };

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/similar-claims",
  summary: "Checked before? Earlier claims like a selection",
  description:
    "The workspace's claims in other articles most similar to `text` (a selection or a statement), best first. Ranking survives rewording: shared numbers and names weigh most. Editors and admins only.",
  tags: ["Search"],
  request: { params: z.object({ id: z.string() }), query: similarClaimsQuerySchema },
  responses: {
    200: { description: "Similar earlier claims", content: { "application/json": { schema: z.object({ items: z.array(SimilarClaim) }) } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/claims/{id}/links",
  summary: "Claims linked to this one (checked before / checked again)",
  description: "Readers see links between published claims only.",
  tags: ["Claims"],
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: "Linked claims", ...linkList }, ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/claims/{id}/links",
  summary: "Link a claim to an earlier claim, optionally copying its check",
  description:
    "Links the claim to an earlier claim of the same workspace. With `copy: true` the earlier claim's verdict, rationale and sources are copied in (the claim keeps its draft or review status; approved or published claims refuse with 422). Linking twice is harmless.",
  tags: ["Claims"],
  request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: linkClaimSchema } } } },
  responses: {
    200: { description: "The claim as it is now, and its links", content: { "application/json": { schema: z.object({ claim: z.record(z.string(), z.unknown()).describe("The claim (as GET /api/v1/claims/{id})"), links: z.array(LinkedClaim) }) } } },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/claims/{id}/links/{otherId}",
  summary: "Remove the link between two claims",
  tags: ["Claims"],
  request: { params: z.object({ id: z.string(), otherId: z.string() }) },
  responses: { 200: { description: "The remaining links", ...linkList }, ...errorResponses(401, 403, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/check-worthy",
  summary: "Check-worthy sentences of an article",
  description: "The sentences most likely to hold a checkable factual claim (statistics, quantities, comparisons, causes, attribution, dates, names), best first, with a one-line reason and offsets into the article's canonical text. Computed in-process. Editors and admins.",
  tags: ["Search"],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      description: "Hinted sentences",
      content: {
        "application/json": {
          schema: z.object({
            revision: z.number().int(),
            items: z.array(z.object({ start: z.number().int(), end: z.number().int(), score: z.number(), reason: z.string(), text: z.string() })),
          }),
        },
      },
    },
    ...errorResponses(401, 404),
  },
});
