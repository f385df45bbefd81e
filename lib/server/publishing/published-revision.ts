import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import type { PublishedHead } from "./get-published-article";

// Earlier published versions for readers: /r/<slug>?revision=<n> shows the article text of
// revision n with the claims as they were last published on it (that publication's snapshot,
// and the corrections log up to it). Only text readers were shown is reachable: a revision
// that was never published, or one published after the latest publication, is not found.

/** The `revision` query value: a positive revision number, or null when absent. Anything else is a 404. */
export function parseRevisionParam(value: string | null): number | null {
  if (value === null) return null;
  if (!/^[1-9]\d{0,8}$/.test(value)) throw notPublished();
  return Number(value);
}

function notPublished(): AppError {
  return new AppError("NOT_FOUND", "That version of the article was never published.", { earlierVersion: true });
}

/** Whether an error is the "no such published version" answer (the reader page says so, with a link to the current one). */
export function isVersionNotFound(e: unknown): boolean {
  return isAppError(e) && e.code === "NOT_FOUND" && (e.details as { earlierVersion?: boolean } | undefined)?.earlierVersion === true;
}

/**
 * The head readers get for text revision `revision`: the same head when the latest publication
 * shows that revision (the current page), else the last publication made from it.
 */
export async function resolvePublishedRevision(head: PublishedHead, revision: number): Promise<PublishedHead> {
  const latest = await db.publication.findUniqueOrThrow({ where: { id: head.publicationId }, select: { revisionNumber: true } });
  if (latest.revisionNumber === revision) return head;
  const earlier = await db.publication.findFirst({
    where: { articleId: head.articleId, revisionNumber: revision, number: { lt: head.publicationNumber } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  if (!earlier) throw notPublished();
  return { ...head, publicationId: earlier.id, publicationNumber: earlier.number, earlierRevision: revision };
}
