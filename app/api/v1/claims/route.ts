import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { reviewQueueQuerySchema } from "@/lib/schemas/review-queue";
import { listReviewQueue } from "@/lib/server/claims/list-review-queue";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

export const GET = apiRoute(async ({ req, actor }) => {
  const { workspace, ...query } = parseQuery(req, reviewQueueQuerySchema);
  const ws = await resolveWorkspace({ actor, workspace });
  return listReviewQueue({ actor, workspaceId: ws.id, query });
});
