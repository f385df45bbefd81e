import { apiRoute } from "@/lib/http/api-route";
import { unlinkClaim } from "@/lib/server/claim-links/link-claim";

export const DELETE = apiRoute<{ id: string; otherId: string }>(async ({ params, actor }) => ({
  items: await unlinkClaim({ actor, claimId: params.id, otherClaimId: params.otherId }),
}));
