import type { ApiMention } from "@/lib/schemas/mention";
import type { ApiNotification, NotificationType } from "@/lib/schemas/notification";

// The bell lists @mentions and workflow notifications together, newest first.

export interface BellItem {
  kind: "mention" | "notification";
  id: string;
  read: boolean;
  createdAt: string;
  href: string | null;
  /** Who did it and what, e.g. "Alex Admin mentioned you", "Alex Admin · Approved". */
  who: string | null;
  what: string;
  text: string;
  context: string | null;
}

const WHAT: Record<NotificationType, string> = {
  ASSIGNED: "assigned a claim to you",
  REVIEW_REQUESTED: "asks for a review",
  CHANGES_REQUESTED: "requested changes",
  APPROVED: "approved your claim",
  PUBLISHED: "published your work",
  REPLY: "replied in your thread",
  MENTION: "mentioned you",
};

/** Where a mention leads: the article page with its claim selected. */
export function mentionHref(m: Pick<ApiMention, "articleId" | "claimId">): string {
  return `/articles/${encodeURIComponent(m.articleId)}?claim=${encodeURIComponent(m.claimId)}`;
}

export function bellItems(mentions: readonly ApiMention[], notifications: readonly ApiNotification[], max: number): BellItem[] {
  const items: BellItem[] = [
    ...mentions.map((m) => ({
      kind: "mention" as const,
      id: m.id,
      read: m.read,
      createdAt: m.createdAt,
      href: mentionHref(m),
      who: m.author.name,
      what: WHAT.MENTION,
      text: m.excerpt,
      context: m.articleTitle,
    })),
    ...notifications.map((n) => ({
      kind: "notification" as const,
      id: n.id,
      read: n.readAt !== null,
      createdAt: n.createdAt,
      href: n.href,
      who: n.actor?.name ?? null,
      what: WHAT[n.type],
      text: n.message,
      context: null,
    })),
  ];
  return items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, max);
}
