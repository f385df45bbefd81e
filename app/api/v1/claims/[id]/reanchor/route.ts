import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { reattachClaimSchema } from "@/lib/schemas/revision";
import { reattachClaim } from "@/lib/server/revisions/reattach-claim";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const { version, start, end, revision } = await parseJsonBody(req, reattachClaimSchema);
  return reattachClaim({ actor, claimId: params.id, version, revision, span: start !== undefined && end !== undefined ? { start, end } : undefined });
});
