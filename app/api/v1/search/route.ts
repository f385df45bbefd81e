import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { searchQuerySchema } from "@/lib/schemas/search";
import { searchWorkspace } from "@/lib/server/search/search-workspace";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

export const GET = apiRoute(async ({ req, actor }) => {
  const { workspace, ...input } = parseQuery(req, searchQuerySchema);
  const ws = await resolveWorkspace({ actor, workspace });
  return searchWorkspace({ actor, workspaceId: ws.id, input });
});
