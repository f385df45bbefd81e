import { z } from "zod";
import { errorResponses, registry } from "../registry";
import { listNotificationsQuerySchema, markNotificationsReadSchema, NOTIFICATION_TYPES } from "@/lib/schemas/notification";

const notificationSchema = registry.register(
  "Notification",
  z.object({
    id: z.string(),
    type: z.enum(NOTIFICATION_TYPES),
    message: z.string().openapi({ example: "Verdict changed after approval — needs review again: “Crime doubled”" }),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    claimId: z.string().nullable(),
    articleId: z.string().nullable(),
    href: z.string().nullable().describe("App path of the claim"),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  }),
);

registry.registerPath({
  method: "get",
  path: "/api/v1/notifications",
  summary: "Your notifications, newest first: assigned to you, submitted for review (to those who can approve), changes requested, approved, published, replies in threads you wrote in",
  description: "Written in the same transaction as the event. `unread` counts every unread notification, not just the page.",
  tags: ["Notifications"],
  request: { query: listNotificationsQuerySchema },
  responses: {
    200: {
      description: "Notifications and the unread count",
      content: { "application/json": { schema: z.object({ unread: z.number().int(), notifications: z.array(notificationSchema) }) } },
    },
    ...errorResponses(400, 401),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/notifications/read",
  summary: "Mark notifications read (the given ids, or all when ids is absent)",
  tags: ["Notifications"],
  request: { body: { content: { "application/json": { schema: markNotificationsReadSchema } } } },
  responses: {
    200: {
      description: "How many were marked, and how many stay unread",
      content: { "application/json": { schema: z.object({ marked: z.number().int(), unread: z.number().int() }) } },
    },
    ...errorResponses(400, 401),
  },
});
