import { apiRoute, created } from "@/lib/http/api-route";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { reviseArticle } from "@/lib/server/revisions/revise-article";
import { readRevisionRequest, revisionRequestMaxBytes } from "@/lib/server/revisions/revision-request";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listRevisions({ actor, articleId: params.id }));

export const POST = apiRoute<Params>(async ({ req, params, actor }) => {
  const { input, upload } = await readRevisionRequest(req);
  return created(await reviseArticle({ actor, articleId: params.id, input, upload }));
}, { maxBodyBytes: revisionRequestMaxBytes });
