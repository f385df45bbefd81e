import { apiRoute, created, parseJsonBody, parseQuery } from "@/lib/http/api-route";
import { createClaimSchema, listClaimsQuerySchema } from "@/lib/schemas/claim";
import { createClaim } from "@/lib/server/claims/create-claim";
import { listClaimsPage } from "@/lib/server/claims/list-claims";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ req, params, actor }) =>
  listClaimsPage({ actor, articleId: params.id, query: parseQuery(req, listClaimsQuerySchema) }),
);

export const POST = apiRoute<Params>(async ({ req, params, actor }) =>
  created(await createClaim({ actor, articleId: params.id, input: await parseJsonBody(req, createClaimSchema) })),
);
