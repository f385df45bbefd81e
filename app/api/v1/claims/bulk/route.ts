import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { bulkClaimActionSchema } from "@/lib/schemas/review-queue";
import { bulkUpdateClaims } from "@/lib/server/claims/bulk-update-claims";

export const POST = apiRoute(async ({ req, actor }) => bulkUpdateClaims({ actor, input: await parseJsonBody(req, bulkClaimActionSchema) }));
