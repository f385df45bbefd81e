import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { editableArticleWhere, requireActor } from "@/lib/server/access";
import { recordAudit } from "@/lib/server/audit";
import type { Visibility } from "@/lib/schemas/enums";
import type { PublishResult } from "@/lib/schemas/publication";
import type { ReportBundle } from "@/lib/schemas/report";
import { buildSnapshot, readerUrlFor } from "./build-snapshot";
import { notifyAuthorsOfPublication } from "@/lib/server/notifications/claim-events";
import { dropCachedPages } from "./cached-page";
import { diffSnapshots } from "./diff-snapshots";
import { recordEvent } from "@/lib/server/live/record-event";

export interface PublishArticleInput {
  actor: MaybeActor;
  articleId: string;
  visibility?: Visibility;
  reason?: string;
}

const VISIBILITY_WORDS: Record<Visibility, string> = { PUBLIC: "public", MEMBERS: "members only" };

/**
 * Publishes the article's approved claims: a new Publication snapshot (1 = original, then
 * corrections, which need a reason), claims set to PUBLISHED, the article PUBLISHED.
 * Nothing changed since the last publication: no new publication, only a message.
 */
export async function publishArticle({ actor: maybeActor, articleId, visibility, reason }: PublishArticleInput): Promise<PublishResult> {
  const actor: Actor = requireActor(maybeActor);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, ...editableArticleWhere(actor) } });
    if (!article) throw notFound("Article");
    const url = readerUrlFor(article.slug);
    const nextVisibility = visibility ?? (article.visibility as Visibility);

    const snapshot = await buildSnapshot(tx, { articleId, scope: "published", now });
    if (snapshot.claims.length === 0) {
      throw new AppError(
        "UNPROCESSABLE",
        "Nothing to publish yet: approve at least one claim (it needs a verdict, a rationale and a source) and publish again.",
      );
    }

    const previous = await tx.publication.findFirst({ where: { articleId }, orderBy: { number: "desc" } });
    const withdrawn = article.status === "WITHDRAWN";
    let changes: string[] = [];
    if (previous) {
      changes = diffSnapshots(JSON.parse(previous.snapshot) as ReportBundle, snapshot);
      if (previous.revisionNumber < article.revisionNumber) changes = await withRevisionReasons(tx, articleId, previous.revisionNumber, changes);
      if (withdrawn) changes.unshift("Published again after it was withdrawn");
      if (changes.length === 0) {
        if (nextVisibility !== article.visibility) {
          await tx.article.update({ where: { id: article.id }, data: { visibility: nextVisibility, updatedById: actor.userId, version: { increment: 1 } } });
          await dropCachedPages(tx, article.id);
          await recordAudit(tx, {
            workspaceId: article.workspaceId,
            actorId: actor.userId,
            entityType: "Article",
            entityId: article.id,
            articleId: article.id,
            action: "article.visibility",
            fields: ["visibility"],
            before: { visibility: article.visibility },
            after: { visibility: nextVisibility },
          });
          return {
            url,
            number: previous.number,
            published: false,
            message: `The content has not changed since publication ${previous.number}; the article is now ${VISIBILITY_WORDS[nextVisibility]}.`,
            changes: [],
            visibility: nextVisibility,
          };
        }
        return {
          url,
          number: previous.number,
          published: false,
          message: `Nothing changed since publication ${previous.number}: there is nothing new to publish.`,
          changes: [],
          visibility: nextVisibility,
        };
      }
      if (!reason?.trim()) {
        throw new AppError(
          "VALIDATION_ERROR",
          `This article was already published. Give a reason for the correction (what changed and why) to publish again. Changes: ${changes.join("; ")}`,
          { changes },
        );
      }
    }

    const number = (previous?.number ?? 0) + 1;
    const publication = await tx.publication.create({
      data: {
        articleId,
        number,
        snapshot: JSON.stringify(snapshot),
        reason: previous ? reason!.trim() : (reason?.trim() || null),
        changes: JSON.stringify(changes),
        revisionNumber: article.revisionNumber,
        publishedById: actor.userId,
      },
    });

    // Set-based: the audit rows in one INSERT … SELECT, then one UPDATE; no per-claim round trip
    // and no `IN (…)` list. Ids are "<publication id>:<claim id>" (a claim is published once per
    // publication); createdAt is copied from the publication row so both providers store it alike.
    const after = JSON.stringify({ status: "PUBLISHED", publishedAt: now.toISOString() });
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("id", "workspaceId", "actorId", "entityType", "entityId", "claimId", "articleId", "action", "fields", "before", "after", "createdAt")
      SELECT p."id" || ':' || c."id", ${article.workspaceId}, ${actor.userId}, 'Claim', c."id", c."id", c."articleId", 'claim.publish',
             '["status","publishedAt"]', '{"status":"APPROVED","publishedAt":null}', ${after}, p."createdAt"
      FROM "Claim" c JOIN "Publication" p ON p."id" = ${publication.id}
      WHERE c."articleId" = ${articleId} AND c."status" = 'APPROVED' AND c."deletedAt" IS NULL`;
    await notifyAuthorsOfPublication(tx, { articleId, articleTitle: article.title, workspaceId: article.workspaceId, actorId: actor.userId, correction: number > 1 });
    await tx.claim.updateMany({
      where: { articleId, deletedAt: null, status: "APPROVED" },
      data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } },
    });

    await dropCachedPages(tx, article.id);
    await tx.article.update({
      where: { id: article.id },
      data: {
        status: "PUBLISHED",
        visibility: nextVisibility,
        firstPublishedAt: article.firstPublishedAt ?? now,
        lastPublishedAt: now,
        withdrawnAt: null,
        withdrawnReason: null,
        updatedById: actor.userId,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      workspaceId: article.workspaceId,
      actorId: actor.userId,
      entityType: "Article",
      entityId: article.id,
      articleId: article.id,
      action: number === 1 ? "article.publish" : "article.correct",
      fields: ["status", "visibility", "lastPublishedAt"],
      before: { status: article.status, visibility: article.visibility },
      after: { status: "PUBLISHED", visibility: nextVisibility, publication: number, publicationId: publication.id, reason: publication.reason, changes },
    });

    // Readers hear of it too: the event says only that a new publication exists.
    await recordEvent(tx, { workspaceId: article.workspaceId, articleId: article.id, type: "article.published", audience: "ALL", actorId: actor.userId, payload: { publication: number } });
    const claimCount = snapshot.claims.length;
    return {
      url,
      number,
      published: true,
      message:
        number === 1
          ? `Published ${claimCount} claim${claimCount === 1 ? "" : "s"} (${VISIBILITY_WORDS[nextVisibility]}).`
          : `Correction ${number - 1} published with ${changes.length} change${changes.length === 1 ? "" : "s"}.`,
      changes,
      visibility: nextVisibility,
    };
  });
}

/** The corrections log names each text revision since the last publication with its reason. */
async function withRevisionReasons(tx: Tx, articleId: string, since: number, changes: string[]): Promise<string[]> {
  const revisions = await tx.articleRevision.findMany({ where: { articleId, number: { gt: since } }, orderBy: { number: "asc" }, select: { reason: true } });
  const entries = revisions.map((r) => (r.reason ? `Article text updated: ${r.reason}` : "Article text updated"));
  const rest = changes.filter((c) => c !== "Article text updated");
  return [...new Set(entries), ...rest];
}
