import "./zod-config";
import { z } from "zod";

// @mention inbox: query and body shapes shared by the mentions menu (client) and the API.

export const MENTION_LIMITS = { list: 50, markIds: 200 } as const;

export const listMentionsQuerySchema = z.strictObject({
  unread: z
    .enum(["true", "false"], { error: "`unread` must be `true` or `false`." })
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce
    .number({ error: "`limit` must be a number." })
    .int()
    .min(1, "`limit` must be at least 1.")
    .max(MENTION_LIMITS.list, `\`limit\` can be at most ${MENTION_LIMITS.list}.`)
    .optional(),
});

export const markMentionsReadSchema = z.strictObject({
  ids: z
    .array(z.string().trim().min(1, "A mention id is empty."), { error: "`ids` must be a list of mention ids." })
    .min(1, "Give at least one mention id, or leave `ids` out to mark every mention read.")
    .max(MENTION_LIMITS.markIds, `Mark at most ${MENTION_LIMITS.markIds} mentions at once, or leave \`ids\` out to mark every mention read.`)
    .optional(),
});
export type MarkMentionsReadInput = z.infer<typeof markMentionsReadSchema>;

export interface ApiMention {
  id: string;
  read: boolean;
  createdAt: string;
  commentId: string;
  claimId: string;
  claimStatement: string;
  articleId: string;
  articleTitle: string;
  author: { id: string; name: string };
  /** The comment as sanitized HTML. */
  body: string;
  /** The comment as one line of plain text, cut to about 160 characters. */
  excerpt: string;
}

export interface ApiMentionList {
  unread: number;
  mentions: ApiMention[];
}
