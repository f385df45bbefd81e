import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { claimantsQuerySchema } from "@/lib/schemas/claim";
import { listClaimants } from "@/lib/server/claims/list-claimants";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

/** Claimants used in the workspace (editors), for the claim panel's suggestions. */
export const GET = apiRoute<{ idOrSlug: string }>(async ({ req, params, actor }) => {
  const workspace = await resolveWorkspace({ actor, workspace: params.idOrSlug });
  const { q } = parseQuery(req, claimantsQuerySchema);
  return { items: await listClaimants({ actor, workspaceId: workspace.id, q: q || undefined }) };
});
