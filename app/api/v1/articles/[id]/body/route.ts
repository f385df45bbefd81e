import { apiRoute } from "@/lib/http/api-route";
import { getArticleBody } from "@/lib/server/articles/get-article-body";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => getArticleBody({ actor, articleId: params.id }));
