import { z } from "zod";

/** A browser tab's id for presence: random, chosen by the client. */
export const presenceClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "client must be 8–64 letters, digits, - or _");

/** Query of the event streams. Last-Event-ID (header) wins over `after`. */
export const liveEventsQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).optional().describe("Replay events after this id (a page passes the id it was rendered at)"),
    workspace: z.string().min(1).max(100).optional().describe("Workspace id (GET /api/v1/events only; default: all of yours)"),
    client: presenceClientIdSchema.optional().describe("Article streams: this tab's presence id, removed when the stream closes"),
  })
  .strict();

export const presenceInputSchema = z
  .object({
    client: presenceClientIdSchema,
    claimId: z.string().min(1).max(100).nullable().optional().describe("The claim this tab is editing, or null"),
  })
  .strict();
export type PresenceInput = z.infer<typeof presenceInputSchema>;

/** The event types a stream carries (data.type); `reload` and `end` come as named events. */
export const LIVE_EVENT_TYPES = [
  "claim.created",
  "claim.updated",
  "claim.deleted",
  "claim.restored",
  "comment.created",
  "comment.resolved",
  "comment.reopened",
  "article.created",
  "article.revised",
  "article.published",
  "article.withdrawn",
  "article.deleted",
  "presence",
] as const;
