import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Visibility } from "@/lib/schemas/enums";
import type { ReportBundle, ReportCorrection } from "@/lib/schemas/report";
import { formatDate } from "@/lib/format/format-date";
import { readerUrlFor } from "./build-snapshot";
import { resolvePublishedRevision } from "./published-revision";

export interface PublishedArticle {
  /** The latest publication snapshot (published claims only), with the corrections log. */
  bundle: ReportBundle;
  visibility: Visibility;
  /** Number of the latest publication (1 = original). */
  publicationNumber: number;
  /** Set when an earlier text revision was asked for: the bundle is then the last publication of that revision. */
  earlierRevision?: number;
}

export interface WithdrawnDetails {
  title: string;
  withdrawnAt: string;
  reason: string;
}

/** "This fact-check was withdrawn on 3 May 2026: <reason>" */
export function withdrawnMessage(d: Pick<WithdrawnDetails, "withdrawnAt" | "reason">, locale?: string | null): string {
  const date = formatDate(d.withdrawnAt, locale);
  return `This fact-check was withdrawn on ${date}: ${d.reason}`;
}

export interface PublishedHead {
  articleId: string;
  /** Id and number of the latest publication: what a cached page is keyed by. */
  publicationId: string;
  publicationNumber: number;
  visibility: Visibility;
  /** Set when an earlier text version was asked for (/r/<slug>?revision=<n>): publicationId is then the last publication of that revision. */
  earlierRevision?: number;
  /** The workspace's locale now (dates on the page follow it, not the one at publication). */
  locale: string;
}

interface HeadRow {
  id: string;
  title: string;
  status: string;
  visibility: string;
  workspaceId: string;
  locale: string;
  withdrawnAt: Date | string | number | null;
  withdrawnReason: string | null;
  publicationId: string | null;
  publicationNumber: bigint | number | null;
}

// Asked on every reader and embed request, a cache hit included: one raw query (the slug's unique
// index, then the latest publication through (articleId, number)) instead of Prisma's findFirst
// with relations, whose query compilation and joins in JS cost more than serving the cached page.
async function readHead(slug: string): Promise<HeadRow | undefined> {
  const rows = await db.$queryRaw<HeadRow[]>`SELECT a."id", a."title", a."status", a."visibility", a."workspaceId", w."locale",
  a."withdrawnAt", a."withdrawnReason", p."id" AS "publicationId", p."number" AS "publicationNumber"
FROM "Article" a
JOIN "Workspace" w ON w."id" = a."workspaceId"
LEFT JOIN "Publication" p ON p."id" = (SELECT q."id" FROM "Publication" q WHERE q."articleId" = a."id" ORDER BY q."number" DESC LIMIT 1)
WHERE a."slug" = ${slug} AND a."deletedAt" IS NULL AND a."status" IN ('PUBLISHED', 'WITHDRAWN')`;
  return rows[0];
}

/**
 * Who may read /r/<slug> and which publication they get, without loading any snapshot.
 * PUBLIC: anyone. MEMBERS: signed-in members of the workspace; signed out is UNAUTHORIZED
 * (the page sends them to sign in), anyone else NOT_FOUND. Withdrawn: GONE with the reason.
 */
export async function resolvePublishedArticle({ actor, slug }: { actor: MaybeActor; slug: string }): Promise<PublishedHead> {
  const article = await readHead(slug);
  if (!article || article.publicationId === null || article.publicationNumber === null) throw notFound("Fact-check");
  const latest = { id: article.publicationId, number: Number(article.publicationNumber) };

  if (article.visibility === "MEMBERS") {
    if (!actor) throw new AppError("UNAUTHORIZED", "This fact-check is for members of its newsroom: sign in to read it.");
    const member = await db.membership.findFirst({ where: { workspaceId: article.workspaceId, userId: actor.userId, active: true, user: { active: true } } });
    if (!member) throw notFound("Fact-check");
  }

  if (article.status === "WITHDRAWN") {
    const details: WithdrawnDetails = {
      title: article.title,
      withdrawnAt: (article.withdrawnAt === null ? new Date() : new Date(article.withdrawnAt)).toISOString(),
      reason: article.withdrawnReason ?? "No reason was given.",
    };
    throw new AppError("GONE", withdrawnMessage(details, article.locale), details);
  }
  return { articleId: article.id, publicationId: latest.id, publicationNumber: latest.number, visibility: article.visibility as Visibility, locale: article.locale };
}

/** The latest publication snapshot (never the live claims) with the corrections log. */
export async function loadPublishedBundle(head: PublishedHead): Promise<ReportBundle> {
  const article = await db.article.findUniqueOrThrow({
    where: { id: head.articleId },
    select: {
      firstPublishedAt: true,
      publications: { orderBy: { number: "asc" }, select: { id: true, number: true, reason: true, changes: true, createdAt: true, revisionNumber: true } },
    },
  });
  const latestMeta = article.publications.find((p) => p.id === head.publicationId) ?? article.publications.at(-1)!;
  const latest = await db.publication.findUniqueOrThrow({ where: { id: latestMeta.id }, select: { snapshot: true } });
  const snapshot = JSON.parse(latest.snapshot) as ReportBundle;
  const corrections: ReportCorrection[] = article.publications
    .map((p, i) => ({ p, before: article.publications[i - 1] }))
    .filter(({ p }) => p.number >= 2 && p.number <= latestMeta.number)
    .map(({ p, before }) => ({
      number: p.number,
      reason: p.reason ?? "",
      changes: JSON.parse(p.changes) as string[],
      createdAt: p.createdAt.toISOString(),
      // A correction that changed the text links to the version readers saw before it.
      ...(before && before.revisionNumber < p.revisionNumber ? { previousRevision: before.revisionNumber } : {}),
    }))
    .reverse();
  // Snapshots made before revisions existed name their text revision from the publication.
  const revision =
    snapshot.article.revision ??
    (await db.articleRevision
      .findUnique({ where: { articleId_number: { articleId: head.articleId, number: latestMeta.revisionNumber } }, select: { number: true, contentHash: true } })
      .then((r) => r ?? undefined));
  return {
    ...snapshot,
    scope: "published",
    article: {
      ...snapshot.article,
      revision,
      status: "PUBLISHED",
      readerUrl: readerUrlFor(snapshot.article.slug),
      firstPublishedAt: (article.firstPublishedAt ?? article.publications[0].createdAt).toISOString(),
      lastPublishedAt: latestMeta.createdAt.toISOString(),
    },
    organization: { ...snapshot.organization, locale: head.locale },
    corrections,
  };
}

/**
 * What readers get at /r/<slug> (see resolvePublishedArticle for who may read it); with
 * `revision`, what they get at /r/<slug>?revision=<n>: the last publication made from that text
 * revision, with the corrections log up to it (NOT_FOUND when it was never published).
 */
export async function getPublishedArticle({ actor, slug, revision }: { actor: MaybeActor; slug: string; revision?: number | null }): Promise<PublishedArticle> {
  const latest = await resolvePublishedArticle({ actor, slug });
  const head = revision ? await resolvePublishedRevision(latest, revision) : latest;
  const bundle = await loadPublishedBundle(head);
  return { bundle, visibility: head.visibility, publicationNumber: head.publicationNumber, ...(head.earlierRevision ? { earlierRevision: head.earlierRevision } : {}) };
}
