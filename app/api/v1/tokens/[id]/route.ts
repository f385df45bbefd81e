import { apiRoute } from "@/lib/http/api-route";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = apiRoute<{ id: string }>(async ({ params, actor }) => revokeApiToken({ actor, tokenId: params.id }));
