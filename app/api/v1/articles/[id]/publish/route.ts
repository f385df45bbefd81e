import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { publishArticleSchema } from "@/lib/schemas/publication";
import { publishArticle } from "@/lib/server/publishing/publish-article";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const body = await parseJsonBody(req, publishArticleSchema);
  return publishArticle({ actor, articleId: params.id, ...body });
});
