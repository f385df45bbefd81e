import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { listNotificationsQuerySchema } from "@/lib/schemas/notification";
import { listNotifications } from "@/lib/server/notifications/list-notifications";

export const GET = apiRoute(async ({ req, actor }) => {
  const { unread, limit } = parseQuery(req, listNotificationsQuerySchema);
  return listNotifications({ actor, unreadOnly: unread ?? false, limit });
});
