import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { similarClaimsQuerySchema } from "@/lib/schemas/claim-link";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";

export const GET = apiRoute<{ id: string }>(async ({ req, params, actor }) => {
  const { text, limit } = parseQuery(req, similarClaimsQuerySchema);
  return { items: await findSimilarClaims({ actor, articleId: params.id, text, limit }) };
});
