import { apiRoute } from "@/lib/http/api-route";
import { listMembers } from "@/lib/server/members/list-members";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

export const GET = apiRoute<{ idOrSlug: string }>(async ({ params, actor }) => {
  const workspace = await resolveWorkspace({ actor, workspace: params.idOrSlug });
  return { workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name }, items: await listMembers({ actor, workspaceId: workspace.id }) };
});
