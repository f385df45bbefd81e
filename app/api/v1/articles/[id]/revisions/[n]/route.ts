import { apiRoute } from "@/lib/http/api-route";
import { parseRevisionNumber } from "@/lib/schemas/revision";
import { getRevision } from "@/lib/server/revisions/list-revisions";

export const GET = apiRoute<{ id: string; n: string }>(async ({ params, actor }) =>
  getRevision({ actor, articleId: params.id, number: parseRevisionNumber(params.n) }),
);
