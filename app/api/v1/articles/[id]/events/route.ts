import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { credentialCheck, lastEventIdOf, sseResponse } from "@/lib/http/live-credential";
import { requireActor } from "@/lib/server/access";
import { liveEventsQuerySchema } from "@/lib/schemas/live";
import { openArticleStream } from "@/lib/server/live/open-article-stream";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ req, params, actor }) => {
  const query = parseQuery(req, liveEventsQuerySchema);
  const me = requireActor(actor);
  const stream = await openArticleStream({
    actor: me,
    articleId: params.id,
    lastEventId: lastEventIdOf(req, query.after),
    presenceClient: query.client ?? null,
    isCredentialLive: await credentialCheck(req, me),
  });
  return sseResponse(stream);
});
