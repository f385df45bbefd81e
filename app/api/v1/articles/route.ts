import { apiRoute, created, parseQuery } from "@/lib/http/api-route";
import { listArticlesQuerySchema } from "@/lib/schemas/article";
import { articleRequestMaxBytes, readArticleRequest } from "@/lib/server/articles/article-request";
import { createArticle } from "@/lib/server/articles/create-article";
import { listArticles } from "@/lib/server/articles/list-articles";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

export const GET = apiRoute(async ({ req, actor }) => {
  const { workspace, ...query } = parseQuery(req, listArticlesQuerySchema);
  const ws = await resolveWorkspace({ actor, workspace });
  return listArticles({ actor, workspaceId: ws.id, ...query });
});

export const POST = apiRoute(async ({ req, actor }) => {
  const { workspaceId, input } = await readArticleRequest(req, actor);
  return created(await createArticle({ actor, workspaceId, input }));
}, { maxBodyBytes: articleRequestMaxBytes });
