import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { htmlToText, oneLine } from "@/lib/exporting/text";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { ApiMention } from "@/lib/schemas/mention";
import { readableClaimWhere } from "@/lib/server/claims/claim-shape";

/**
 * The actor's own mentions, on live comments of claims they can still read: leaving a
 * workspace (or losing sight of a draft) hides its mentions without deleting them.
 */
export function visibleMentionWhere(actor: Actor) {
  return { userId: actor.userId, comment: { deletedAt: null, claim: readableClaimWhere(actor) } } satisfies Prisma.MentionWhereInput;
}

export const mentionInclude = {
  comment: {
    select: {
      id: true,
      body: true,
      claimId: true,
      author: { select: { id: true, name: true } },
      claim: { select: { statement: true, article: { select: { id: true, title: true } } } },
    },
  },
} satisfies Prisma.MentionInclude;

interface MentionRow {
  id: string;
  readAt: Date | null;
  createdAt: Date;
  comment: {
    id: string;
    body: string;
    claimId: string;
    author: { id: string; name: string };
    claim: { statement: string; article: { id: string; title: string } };
  };
}

const EXCERPT_CHARS = 160;

export function mentionExcerpt(html: string): string {
  const text = oneLine(htmlToText(html));
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;
}

export function toApiMention(m: MentionRow): ApiMention {
  return {
    id: m.id,
    read: m.readAt !== null,
    createdAt: m.createdAt.toISOString(),
    commentId: m.comment.id,
    claimId: m.comment.claimId,
    claimStatement: m.comment.claim.statement,
    articleId: m.comment.claim.article.id,
    articleTitle: m.comment.claim.article.title,
    author: m.comment.author,
    body: m.comment.body,
    excerpt: mentionExcerpt(m.comment.body),
  };
}
