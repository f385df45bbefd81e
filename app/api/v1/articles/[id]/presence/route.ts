import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { presenceInputSchema } from "@/lib/schemas/live";
import { listPresence, touchPresence } from "@/lib/server/live/presence";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listPresence({ actor, articleId: params.id }));

export const POST = apiRoute<Params>(async ({ req, params, actor }) =>
  touchPresence({ actor, articleId: params.id, input: await parseJsonBody(req, presenceInputSchema) }),
);
