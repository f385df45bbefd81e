import { apiRoute } from "@/lib/http/api-route";
import { deleteArticle } from "@/lib/server/articles/delete-article";
import { getArticle } from "@/lib/server/articles/get-article";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getArticle({ actor, articleId: params.id }));

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteArticle({ actor, articleId: params.id }));
