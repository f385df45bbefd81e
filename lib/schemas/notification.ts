import { z } from "zod";

export const NOTIFICATION_TYPES = ["ASSIGNED", "REVIEW_REQUESTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED", "REPLY", "MENTION"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const listNotificationsQuerySchema = z.strictObject({
  unread: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const markNotificationsReadSchema = z.strictObject({
  /** Ids to mark read; absent: all of the caller's unread notifications. */
  ids: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;

export interface ApiNotification {
  id: string;
  type: NotificationType;
  message: string;
  actor: { id: string; name: string } | null;
  claimId: string | null;
  articleId: string | null;
  /** Where the notification leads: the claim in its article. */
  href: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface ApiNotificationList {
  unread: number;
  notifications: ApiNotification[];
}
