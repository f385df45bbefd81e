import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { downloadResponse } from "@/lib/server/exports/download-response";
import { exportWorkspace } from "@/lib/server/exports/export-workspace";

export const runtime = "nodejs";

export const GET = apiRoute(async ({ req, actor }) => {
  const query = parseQuery(req, workspaceExportQuerySchema);
  return downloadResponse(await exportWorkspace({ actor, query }));
});
