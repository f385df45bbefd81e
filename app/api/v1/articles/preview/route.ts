import { apiRoute } from "@/lib/http/api-route";
import { articleRequestMaxBytes, readArticleRequest } from "@/lib/server/articles/article-request";
import { previewArticleImport } from "@/lib/server/articles/preview-article-import";

export const POST = apiRoute(async ({ req, actor }) => {
  const { workspaceId, input } = await readArticleRequest(req, actor);
  return previewArticleImport({ actor, workspaceId, input });
}, { maxBodyBytes: articleRequestMaxBytes });
