import { apiRoute } from "@/lib/http/api-route";
import { getCheckWorthyHints } from "@/lib/server/search/get-check-worthy-hints";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => getCheckWorthyHints({ actor, articleId: params.id }));
