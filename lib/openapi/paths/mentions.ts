import { z } from "zod";
import { errorResponses, registry } from "../registry";
import { listMentionsQuerySchema, markMentionsReadSchema } from "@/lib/schemas/mention";

const mentionSchema = z.object({
  id: z.string(),
  read: z.boolean(),
  createdAt: z.string().describe("When the comment mentioned you (ISO 8601)"),
  commentId: z.string(),
  claimId: z.string(),
  claimStatement: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string().describe("The comment as sanitized HTML"),
  excerpt: z.string().describe("The comment as one line of plain text, at most 160 characters"),
});

registry.registerPath({
  method: "get",
  path: "/api/v1/mentions",
  summary: "Your @mentions in comments, newest first",
  description:
    "Only the caller's own mentions, on claims they can still read (a mention in a workspace you left is hidden). `unread` counts every unread mention, not just the page returned. " +
    "Link to a mention's claim with `/articles/{articleId}?claim={claimId}`.",
  tags: ["Comments"],
  request: { query: listMentionsQuerySchema },
  responses: {
    200: {
      description: "Mentions and the unread count",
      content: { "application/json": { schema: z.object({ unread: z.number().int(), mentions: z.array(mentionSchema) }) } },
    },
    ...errorResponses(400, 401),
  },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/mentions/read",
  summary: "Mark mentions read",
  description: "Marks the given mention ids read, or every unread mention when `ids` is absent. Ids that are not yours are ignored.",
  tags: ["Comments"],
  request: { body: { content: { "application/json": { schema: markMentionsReadSchema } } } },
  responses: {
    200: {
      description: "How many were marked, and how many stay unread",
      content: { "application/json": { schema: z.object({ marked: z.number().int(), unread: z.number().int() }) } },
    },
    ...errorResponses(400, 401),
  },
});
