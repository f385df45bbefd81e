import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { listMentionsQuerySchema } from "@/lib/schemas/mention";
import { listMentions } from "@/lib/server/comments/list-mentions";

export const GET = apiRoute(async ({ req, actor }) => {
  const { unread, limit } = parseQuery(req, listMentionsQuerySchema);
  return listMentions({ actor, unreadOnly: unread ?? false, limit });
});
