import { NextResponse } from "next/server";
import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { startWorkspaceExport } from "@/lib/server/jobs/start-workspace-export";

export const runtime = "nodejs";

export const POST = apiRoute(async ({ req, actor }) => {
  const query = await parseJsonBody(req, workspaceExportQuerySchema);
  return NextResponse.json(await startWorkspaceExport({ actor, query }), { status: 202 });
});
