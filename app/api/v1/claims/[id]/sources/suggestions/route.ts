import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { sourceSuggestionsQuerySchema } from "@/lib/schemas/source-entry";
import { suggestSources } from "@/lib/server/sources/suggest-sources";

export const GET = apiRoute<{ id: string }>(async ({ req, params, actor }) =>
  suggestSources({ actor, claimId: params.id, query: parseQuery(req, sourceSuggestionsQuerySchema) }),
);
