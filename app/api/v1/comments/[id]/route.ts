import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { updateCommentSchema } from "@/lib/schemas/claim";
import { resolveComment } from "@/lib/server/comments/resolve-comment";

export const PATCH = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const { resolved } = await parseJsonBody(req, updateCommentSchema);
  return resolveComment({ actor, commentId: params.id, resolved });
});
