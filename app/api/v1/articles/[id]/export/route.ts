import { parseExportFormat } from "@/lib/exporting";
import { articleExportQuerySchema } from "@/lib/exporting/request";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { downloadResponse } from "@/lib/server/exports/download-response";
import { exportArticle } from "@/lib/server/exports/export-article";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const query = parseQuery(req, articleExportQuerySchema);
  const format = parseExportFormat(query.format);
  return downloadResponse(await exportArticle({ actor, articleId: params.id, format, scope: query.scope }));
});
