import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { listExportArticles } from "@/lib/server/exports/export-workspace";

export const GET = apiRoute(async ({ req, actor }) => {
  const query = parseQuery(req, workspaceExportQuerySchema);
  return listExportArticles({ actor, workspace: query.workspace, from: query.from, to: query.to });
});
