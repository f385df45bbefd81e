import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { markNotificationsReadSchema } from "@/lib/schemas/notification";
import { markNotificationsRead } from "@/lib/server/notifications/list-notifications";

export const POST = apiRoute(async ({ req, actor }) => {
  const input = await parseJsonBody(req, markNotificationsReadSchema);
  return markNotificationsRead({ actor, input });
});
