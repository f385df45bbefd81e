import { z } from "zod";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS } from "@/lib/exporting/formats";
import { WORKSPACE_EXPORT_FORMATS } from "@/lib/exporting/request";
import { jobViewSchema } from "@/lib/schemas/job";
import { errorResponses, registry } from "../registry";

const scope = z
  .enum(["published", "all"])
  .default("published")
  .openapi({ description: "published: what readers see. all: every live claim, drafts included, marked internal (editors and admins only)." });
const day = z.string().openapi({ example: "2026-05-31", description: "YYYY-MM-DD (UTC), inclusive" });
const download = (description: string, types: string[]) => ({
  description,
  headers: { "Content-Disposition": { description: 'attachment; filename="<slug>-<YYYY-MM-DD>.<ext>"', schema: { type: "string" as const } } },
  content: Object.fromEntries(types.map((t) => [t.split(";")[0], { schema: { type: "string" as const, format: "binary" } }])),
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/export",
  summary: "Download an article's fact-check report",
  description:
    `Formats: ${EXPORT_FORMAT_KEYS.map((k) => `\`${k}\` (${EXPORT_FORMATS[k].label})`).join(", ")}. ` +
    "An unknown format is 400 with the list of formats. Readers may export published claims of published articles only.",
  tags: ["Exports"],
  request: {
    params: z.object({ id: z.string().openapi({ description: "Article id" }) }),
    query: z.object({ format: z.enum(EXPORT_FORMAT_KEYS as [string, ...string[]]), scope }),
  },
  responses: {
    200: download("The report as a file", [...new Set(EXPORT_FORMAT_KEYS.map((k) => EXPORT_FORMATS[k].contentType))]),
    ...errorResponses(400, 401, 403, 404),
  },
});

const workspaceQuery = z.object({
  workspace: z.string().optional().openapi({ description: "Workspace id or slug (default: your first workspace)" }),
  from: day.optional(),
  to: day.optional(),
  scope,
});

registry.registerPath({
  method: "get",
  path: "/api/v1/exports",
  summary: "Export a workspace: all articles or those added in a date range",
  description:
    "`csv`: one row per claim (the same columns as the article CSV). `json`: `{ workspace, scope, range, generatedAt, articleCount, articles: ReportBundle[] }`. " +
    "`zip`: one report per article in `articleFormat` (default pdf). At most 2000 articles per export (413 beyond: narrow the date range).",
  tags: ["Exports"],
  request: {
    query: workspaceQuery.extend({
      format: z.enum(WORKSPACE_EXPORT_FORMATS),
      articleFormat: z.enum(EXPORT_FORMAT_KEYS as [string, ...string[]]).optional(),
    }),
  },
  responses: {
    200: download("The export as a file", ["text/csv", "application/json", "application/zip"]),
    ...errorResponses(400, 401, 403, 404, 413),
  },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/exports/articles",
  summary: "The articles a workspace export would hold (for client-side progress)",
  tags: ["Exports"],
  request: { query: workspaceQuery.omit({ scope: true }) },
  responses: {
    200: {
      description: "Workspace, your role, and the articles in creation order",
      content: {
        "application/json": {
          schema: z.object({
            workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
            role: z.string(),
            articles: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), createdAt: z.string(), status: z.string() })),
          }),
        },
      },
    },
    ...errorResponses(400, 401, 404, 413),
  },
});

const jobId = z.object({ id: z.string().openapi({ description: "Job id" }) });
const jobResponse = (description: string) => ({ description, content: { "application/json": { schema: jobViewSchema } } });

registry.registerPath({
  method: "post",
  path: "/api/v1/exports/jobs",
  summary: "Start a workspace export as a background job",
  description:
    "Same parameters as `GET /api/v1/exports`, as a JSON body. Access, scope and the article count are checked at once (403/404/413); " +
    "the server then builds the file once, off the request thread. Follow it with `GET /api/v1/jobs/{id}` and download `result.downloadUrl` when `status` is SUCCEEDED. " +
    "Finished jobs and their files are purged after JOB_RETENTION_HOURS (24 h by default).",
  tags: ["Exports"],
  request: {
    body: {
      content: {
        "application/json": {
          schema: workspaceQuery.extend({ format: z.enum(WORKSPACE_EXPORT_FORMATS), articleFormat: z.enum(EXPORT_FORMAT_KEYS as [string, ...string[]]).optional() }),
        },
      },
    },
  },
  responses: { 202: jobResponse("The queued job"), ...errorResponses(400, 401, 403, 404, 413) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/jobs/{id}",
  summary: "A background job's status and progress (only the member who started it sees it)",
  tags: ["Exports"],
  request: { params: jobId },
  responses: { 200: jobResponse("The job"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/jobs/{id}/cancel",
  summary: "Cancel an unfinished job (a finished one is returned unchanged)",
  tags: ["Exports"],
  request: { params: jobId },
  responses: { 200: jobResponse("The job"), ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/jobs/{id}/download",
  summary: "Download a finished job's file",
  tags: ["Exports"],
  request: { params: jobId },
  responses: {
    200: download("The export as a file", ["text/csv", "application/json", "application/zip"]),
    ...errorResponses(401, 404, 409, 410),
  },
});
