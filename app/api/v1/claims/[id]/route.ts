import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { updateClaimSchema } from "@/lib/schemas/claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getClaim({ actor, claimId: params.id }));

export const PATCH = apiRoute<Params>(async ({ req, params, actor }) => {
  const { version, ...patch } = await parseJsonBody(req, updateClaimSchema);
  return updateClaim({ actor, claimId: params.id, version, patch });
});

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteClaim({ actor, claimId: params.id }));
