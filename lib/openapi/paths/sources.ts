import { z } from "zod";
import { sourceLookupSchema, sourceSuggestionsQuerySchema } from "@/lib/schemas/source-entry";
import { errorResponses, registry } from "../registry";

// Fast source entry: a pasted URL's citation details, and sources already used in the workspace.

const lookupSchema = registry.register(
  "SourceLookup",
  z.object({
    url: z.string(),
    finalUrl: z.string().nullable().describe("Where the page was found after redirects; null when it was not fetched"),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedOn: z.string().nullable().openapi({ example: "2024-03-05" }),
    note: z.string().nullable().describe("Why fields stayed empty (page not fetched, refused address, not a web page); null when the page was read"),
  }),
);

registry.registerPath({
  method: "post",
  path: "/api/v1/sources/lookup",
  summary: "Read a source page's title, publisher and publication date (editors and admins)",
  description:
    "The page is fetched on the server through the same SSRF-safe fetcher as URL import (public http/https addresses only, redirects re-checked, size and time capped) and read for citation_* tags, schema.org JSON-LD, Open Graph and article:* tags, <title>, <time> and a date in the address. A page that cannot be fetched or is refused answers 200 with empty fields and a `note` saying why.",
  tags: ["Sources"],
  request: { body: { content: { "application/json": { schema: sourceLookupSchema } } } },
  responses: {
    200: { description: "What the page says about itself", content: { "application/json": { schema: lookupSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const suggestionSchema = registry.register(
  "SourceSuggestion",
  z.object({
    url: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedOn: z.string().nullable(),
    archiveUrl: z.string().nullable(),
    uses: z.number().int().describe("How many citations of this URL the workspace has"),
    lastUsedAt: z.string(),
  }),
);

registry.registerPath({
  method: "get",
  path: "/api/v1/claims/{id}/sources/suggestions",
  summary: "Sources already cited in the claim's workspace, matching q in title, URL or publisher (editors and admins)",
  description: "One entry per URL, most recently cited first; URLs the claim already cites are left out. Attach one with POST /api/v1/claims/{id}/sources.",
  tags: ["Sources"],
  request: { params: z.object({ id: z.string().openapi({ description: "Claim id" }) }), query: sourceSuggestionsQuerySchema },
  responses: {
    200: { description: "Suggestions", content: { "application/json": { schema: z.object({ suggestions: z.array(suggestionSchema) }) } } },
    ...errorResponses(400, 401, 403, 404),
  },
});
