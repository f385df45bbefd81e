import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { updateArticleDetailsSchema } from "@/lib/schemas/article-details";
import { deleteArticle } from "@/lib/server/articles/delete-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { updateArticleDetails } from "@/lib/server/articles/update-article-details";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getArticle({ actor, articleId: params.id }));

export const PATCH = apiRoute<Params>(async ({ req, params, actor }) =>
  updateArticleDetails({ actor, articleId: params.id, input: await parseJsonBody(req, updateArticleDetailsSchema) }),
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteArticle({ actor, articleId: params.id }));
