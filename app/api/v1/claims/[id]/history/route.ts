import { apiRoute } from "@/lib/http/api-route";
import { getClaimHistory } from "@/lib/server/claims/get-claim-history";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => ({ history: await getClaimHistory({ actor, claimId: params.id }) }));
