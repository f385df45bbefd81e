import { z } from "zod";
import { errorResponses, registry } from "../registry";
import { LIVE_EVENT_TYPES, liveEventsQuerySchema, presenceInputSchema } from "@/lib/schemas/live";

const streamDescription = [
  "A Server-Sent Events stream (`text/event-stream`). Each change is one message: `id: <event id>` and",
  "`data: {id, type, workspaceId, articleId, claimId, actorId, version?, status?, commentId?, at}` — ids",
  "and small facts only; fetch what changed through the rest of the API. Readers receive only",
  "`article.published`, `article.withdrawn` and `article.deleted` (never draft work).",
  "Reconnect with `Last-Event-ID` (EventSource does it) to get what you missed; events are kept",
  "for an hour. `event: reload` means you are too far behind (or the server's database connection",
  "dropped): reload your data. `event: end` closes a stream whose session, token or membership",
  "ended. A comment line every 15 s keeps proxies from closing the stream; a client that stops",
  "reading is disconnected.",
].join(" ");

const eventSchema = registry.register(
  "LiveEvent",
  z.object({
    id: z.number().int(),
    type: z.enum(LIVE_EVENT_TYPES),
    workspaceId: z.string(),
    articleId: z.string().nullable(),
    claimId: z.string().nullable(),
    actorId: z.string().nullable(),
    at: z.string(),
  }),
);

const sse = { description: "The event stream (each `data:` line is a LiveEvent)", content: { "text/event-stream": { schema: eventSchema } } };

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/events",
  summary: "Live changes of one article (claims, comments, publication, who is editing)",
  description: `${streamDescription} With \`client\` (editors), the tab counts as present while the stream is open.`,
  tags: ["Live"],
  request: { params: z.object({ id: z.string() }), query: liveEventsQuerySchema, headers: z.object({ "last-event-id": z.string().optional() }) },
  responses: { 200: sse, ...errorResponses(400, 401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/events",
  summary: "Live changes across your workspaces (or one, with `workspace`)",
  description: streamDescription,
  tags: ["Live"],
  request: { query: liveEventsQuerySchema.omit({ client: true }), headers: z.object({ "last-event-id": z.string().optional() }) },
  responses: { 200: sse, ...errorResponses(400, 401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/articles/{id}/presence",
  summary: "Who has the article open, one entry per tab, and the claim each is editing",
  tags: ["Live"],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      description: "Present tabs",
      content: { "application/json": { schema: z.object({ present: z.array(z.object({ userId: z.string(), name: z.string(), claimId: z.string().nullable(), client: z.string() })) }) } },
    },
    ...errorResponses(401, 404),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/articles/{id}/presence",
  summary: "Say which claim this tab is editing (editors; the tab's event stream keeps it present)",
  tags: ["Live"],
  request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: presenceInputSchema } } } },
  responses: { 200: { description: "Recorded", content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } } }, ...errorResponses(400, 401, 404) },
});
