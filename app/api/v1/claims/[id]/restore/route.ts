import { apiRoute } from "@/lib/http/api-route";
import { restoreClaim } from "@/lib/server/claims/restore-claim";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => restoreClaim({ actor, claimId: params.id }));
