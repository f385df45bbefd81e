import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { linkClaimSchema } from "@/lib/schemas/claim-link";
import { linkClaim } from "@/lib/server/claim-links/link-claim";
import { listClaimLinks } from "@/lib/server/claim-links/list-claim-links";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => ({ items: await listClaimLinks({ actor, claimId: params.id }) }));

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) =>
  linkClaim({ actor, claimId: params.id, input: await parseJsonBody(req, linkClaimSchema) }),
);
