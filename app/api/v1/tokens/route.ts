import { apiRoute, created, parseJsonBody } from "@/lib/http/api-route";
import { createApiTokenSchema } from "@/lib/schemas/admin";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = apiRoute(async ({ actor }) => ({ items: await listApiTokens({ actor }) }));

export const POST = apiRoute(async ({ req, actor }) => {
  const input = await parseJsonBody(req, createApiTokenSchema);
  return created(await createApiToken({ actor, input }));
});
