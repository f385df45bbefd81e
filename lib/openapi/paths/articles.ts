import { z } from "zod";
import {
  articleListSchema,
  articlePreviewSchema,
  articleSchema,
  createArticleJsonSchema,
  listArticlesQuerySchema,
} from "@/lib/schemas/article";
import { updateArticleDetailsSchema } from "@/lib/schemas/article-details";
import { errorResponses, registry } from "../registry";

// Article import and library. Request bodies and queries are the zod schemas the routes parse.

// Re-created here: register() needs `.openapi()`, which only schemas built after the registry
// extended zod have (lib/schemas may be evaluated first in a bundle).
const Article = registry.register("Article", z.object(articleSchema.shape));
const ArticlePreview = registry.register("ArticlePreview", z.object(articlePreviewSchema.shape));
const ArticleList = registry.register("ArticleList", z.object(articleListSchema.shape));

const multipartBody = z.object({
  file: z.string().openapi({ format: "binary", description: "The article: .txt, .md, .html or .docx (up to IMPORT_MAX_BYTES)" }),
  title: z.string().optional(),
  byline: z.string().optional(),
  sourceUrl: z.string().optional(),
  publishedAt: z.string().optional(),
  language: z.string().optional(),
  workspace: z.string().optional(),
  restore: z.string().optional().openapi({ description: 'Removed-block indexes to keep: "[1,4]" or "1,4"' }),
});

const importBody = {
  body: {
    required: true,
    content: {
      "application/json": { schema: createArticleJsonSchema },
      "multipart/form-data": { schema: multipartBody },
    },
  },
};

const idParam = z.object({ id: z.string().openapi({ description: "Article id" }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

registry.registerPath({
  method: "post",
  path: "/api/v1/articles",
  summary: "Import an article (text, HTML, Markdown, URL, or an uploaded .txt/.md/.html/.docx file)",
  description:
    "Exactly one of text, html, markdown or url in JSON, or a multipart `file`. Boilerplate is removed and listed in removedBlocks; pass `restore` with their indexes to keep some. URLs are fetched on the server: public http(s) addresses only, with a time-out, a size cap and a content-type check. Editors and admins only.",
  tags: ["Articles"],
  request: importBody,
  responses: { 201: json(Article, "The new article"), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/preview",
  summary: "What an import would store, without saving (same body as POST /api/v1/articles)",
  tags: ["Articles"],
  request: importBody,
  responses: { 200: json(ArticlePreview, "The cleaned document, metadata and removed blocks"), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles",
  summary: "The article library of a workspace (readers see published articles only)",
  tags: ["Articles"],
  request: { query: listArticlesQuerySchema },
  responses: { 200: json(ArticleList, "One page of articles"), ...errorResponses(400, 401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}",
  summary: "One article: metadata, document, canonical text, removed blocks",
  tags: ["Articles"],
  request: { params: idParam },
  responses: { 200: json(Article, "The article"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/body",
  summary: "The article's current body as the article page shows it (HTML without claim markup)",
  description:
    "A full page load writes the body into the page's HTML only; the page fetches it here when the browser's router shows that page again without the HTML. `key` is a hash of the stored document (equal keys, equal bodies).",
  tags: ["Articles"],
  request: { params: idParam },
  responses: {
    200: json(z.object({ key: z.string(), revisionNumber: z.number().int(), html: z.string() }), "The body"),
    ...errorResponses(401, 404),
  },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/articles/{id}",
  summary: "Delete an article (soft delete; editors and admins)",
  tags: ["Articles"],
  request: { params: idParam },
  responses: { 200: json(z.object({ id: z.string(), deletedAt: z.string() }), "Deleted"), ...errorResponses(401, 403, 404) },
});

const ArticleDetails = registry.register(
  "ArticleDetails",
  z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    byline: z.string().nullable(),
    publishedOn: z.string().nullable().openapi({ example: "2021-12-30" }),
    sourceUrl: z.string().nullable(),
    language: z.string().nullable(),
    visibility: z.enum(["PUBLIC", "MEMBERS"]),
    updatedAt: z.string(),
  }),
);

registry.registerPath({
  method: "patch",
  path: "/api/v1/articles/{id}",
  summary: "Change an article's details after import: title, byline, original publication day, source URL, language, visibility (editors and admins)",
  description:
    "Send any of the fields with the `version` they were based on. A stale version answers 409 with the current details in `error.details.current`. Audited; an edited byline re-derives the author list; a visibility change applies to the reader page at once, the other details with the next publication.",
  tags: ["Articles"],
  request: { params: idParam, body: { content: { "application/json": { schema: updateArticleDetailsSchema } } } },
  responses: { 200: json(ArticleDetails, "The article's details now"), ...errorResponses(400, 401, 404, 409) },
});
