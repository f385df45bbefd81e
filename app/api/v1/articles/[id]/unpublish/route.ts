import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { unpublishArticleSchema } from "@/lib/schemas/publication";
import { unpublishArticle } from "@/lib/server/publishing/unpublish-article";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const { reason } = await parseJsonBody(req, unpublishArticleSchema);
  return unpublishArticle({ actor, articleId: params.id, reason });
});
