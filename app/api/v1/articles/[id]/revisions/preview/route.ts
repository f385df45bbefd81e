import { apiRoute } from "@/lib/http/api-route";
import { previewRevision } from "@/lib/server/revisions/revise-article";
import { readRevisionRequest, revisionRequestMaxBytes } from "@/lib/server/revisions/revision-request";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const { input, upload } = await readRevisionRequest(req);
  return previewRevision({ actor, articleId: params.id, input, upload });
}, { maxBodyBytes: revisionRequestMaxBytes });
