import { apiRoute, created, parseJsonBody, parseQuery, withSessionFastPath } from "@/lib/http/api-route";
import { createClaimSchema, listClaimsQuerySchema } from "@/lib/schemas/claim";
import { createClaim } from "@/lib/server/claims/create-claim";
import { editorClaimsPageJson } from "@/lib/server/claims/editor-claims-json";
import { listClaimsPage } from "@/lib/server/claims/list-claims";

type Params = { id: string };

// Editors' page straight from the driver as JSON text; everyone else through listClaimsPage.
export const GET = withSessionFastPath<Params>(
  async (req, params, ids) => {
    const json = await editorClaimsPageJson({ ...ids, articleId: params.id, query: parseQuery(req, listClaimsQuerySchema) });
    return json === null ? null : new Response(json, { headers: { "content-type": "application/json" } });
  },
  apiRoute<Params>(async ({ req, params, actor }) =>
    listClaimsPage({ actor, articleId: params.id, query: parseQuery(req, listClaimsQuerySchema) }),
  ),
);

export const POST = apiRoute<Params>(async ({ req, params, actor }) =>
  created(await createClaim({ actor, articleId: params.id, input: await parseJsonBody(req, createClaimSchema) })),
);
