import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface PurgeResult {
  /** Claims deleted for good (besides those of purged articles). */
  purged: number;
  /** Articles deleted for good, with their claims, revisions and publications. */
  articles: number;
  cutoff: string;
}

/**
 * Deletes for good the claims and articles that have been deleted longer than the retention ago
 * (sources, comments, links, notifications, revisions and publications go with them by cascade). Each purged claim gets a
 * `claim.purge` audit row in the transaction that deletes it, and the run is recorded as a
 * `claims.purge` Job. Safe to run on several servers at once: a batch another server already
 * purged is rolled back and skipped.
 */
export async function purgeExpiredTrash({ now = new Date(), retentionDays = env().TRASH_RETENTION_DAYS } = {}): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await db.claim.findMany({
      where: { deletedAt: { lt: cutoff } },
      select: { id: true, statement: true, deletedAt: true, articleId: true, article: { select: { workspaceId: true } } },
      orderBy: { deletedAt: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const done = await db
      .$transaction(async (tx) => {
        const { count } = await tx.claim.deleteMany({ where: { id: { in: batch.map((c) => c.id) }, deletedAt: { lt: cutoff } } });
        if (count !== batch.length) throw new PurgeRace();
        await tx.auditEvent.createMany({
          data: batch.map((c) => ({
            workspaceId: c.article.workspaceId,
            actorId: null,
            entityType: "Claim",
            entityId: c.id,
            claimId: c.id,
            articleId: c.articleId,
            action: "claim.purge",
            fields: JSON.stringify(["deletedAt"]),
            before: JSON.stringify({ statement: c.statement, deletedAt: c.deletedAt?.toISOString() }),
            after: JSON.stringify({ purgedAfterDays: retentionDays }),
          })),
        });
        return count;
      })
      .catch((e: unknown) => {
        if (e instanceof PurgeRace) return null;
        throw e;
      });
    if (done === null) break; // another server is purging the same rows: leave the rest to it
    purged += done;
    if (batch.length < BATCH) break;
  }
  const articles = await purgeDeletedArticles(cutoff, retentionDays);
  await db.job.create({
    data: {
      type: "claims.purge",
      status: "SUCCEEDED",
      payload: JSON.stringify({ retentionDays, cutoff: cutoff.toISOString() }),
      progress: purged + articles,
      total: purged + articles,
      message: `Purged ${purged} claim${purged === 1 ? "" : "s"} and ${articles} article${articles === 1 ? "" : "s"} deleted before ${cutoff.toISOString()}.`,
      finishedAt: new Date(),
    },
  });
  return { purged, articles, cutoff: cutoff.toISOString() };
}

/** Deleted articles past the retention, one transaction each (an article may carry thousands of claims). */
async function purgeDeletedArticles(cutoff: Date, retentionDays: number): Promise<number> {
  const old = await db.article.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true, workspaceId: true, title: true, deletedAt: true }, take: 500 });
  let purged = 0;
  for (const a of old) {
    purged += await db.$transaction(async (tx) => {
      const { count } = await tx.article.deleteMany({ where: { id: a.id, deletedAt: { lt: cutoff } } });
      if (count === 0) return 0; // another server purged it first
      await tx.auditEvent.create({
        data: {
          workspaceId: a.workspaceId,
          actorId: null,
          entityType: "Article",
          entityId: a.id,
          articleId: a.id,
          action: "article.purge",
          fields: JSON.stringify(["deletedAt"]),
          before: JSON.stringify({ title: a.title, deletedAt: a.deletedAt?.toISOString() }),
          after: JSON.stringify({ purgedAfterDays: retentionDays }),
        },
      });
      return count;
    });
  }
  return purged;
}

class PurgeRace extends Error {}
