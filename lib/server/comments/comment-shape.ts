import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { ApiComment } from "@/lib/schemas/claim";

const person = { select: { id: true, name: true } } satisfies Prisma.UserDefaultArgs;

export const commentInclude = {
  author: person,
  resolvedBy: person,
  mentions: { include: { user: person } },
} satisfies Prisma.CommentInclude;

export interface CommentRow {
  id: string;
  claimId: string;
  parentId: string | null;
  body: string;
  resolved: boolean;
  resolvedAt: Date | null;
  createdAt: Date;
  author: { id: string; name: string };
  resolvedBy: { id: string; name: string } | null;
  mentions: { user: { id: string; name: string } }[];
}

export function toApiComment(c: CommentRow): ApiComment {
  return {
    id: c.id,
    claimId: c.claimId,
    parentId: c.parentId,
    author: c.author,
    body: c.body,
    resolved: c.resolved,
    resolvedBy: c.resolvedBy,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    mentions: c.mentions.map((m) => m.user),
  };
}
