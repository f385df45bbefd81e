import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { streamedDownloadResponse } from "@/lib/server/exports/download-response";
import { streamWorkspaceExport } from "@/lib/server/exports/stream-workspace-export";

export const runtime = "nodejs";

export const GET = apiRoute(async ({ req, actor }) => {
  const query = parseQuery(req, workspaceExportQuerySchema);
  return streamedDownloadResponse(await streamWorkspaceExport({ actor, query }));
});
