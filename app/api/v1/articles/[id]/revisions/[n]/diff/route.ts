import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { parseRevisionNumber, revisionDiffQuerySchema } from "@/lib/schemas/revision";
import { diffRevisions } from "@/lib/server/revisions/list-revisions";

export const GET = apiRoute<{ id: string; n: string }>(async ({ req, params, actor }) => {
  const { against } = parseQuery(req, revisionDiffQuerySchema);
  return diffRevisions({ actor, articleId: params.id, number: parseRevisionNumber(params.n), against });
});
