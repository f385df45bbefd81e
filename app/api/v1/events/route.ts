import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { credentialCheck, lastEventIdOf, sseResponse } from "@/lib/http/live-credential";
import { requireActor } from "@/lib/server/access";
import { liveEventsQuerySchema } from "@/lib/schemas/live";
import { openEventStream } from "@/lib/server/live/event-stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => {
  const query = parseQuery(req, liveEventsQuerySchema.omit({ client: true }));
  const me = requireActor(actor);
  const stream = await openEventStream({
    actor: me,
    scope: { kind: "workspace", workspaceId: query.workspace },
    lastEventId: lastEventIdOf(req, query.after),
    isCredentialLive: await credentialCheck(req, me),
  });
  return sseResponse(stream);
});
