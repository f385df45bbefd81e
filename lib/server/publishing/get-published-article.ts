import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Visibility } from "@/lib/schemas/enums";
import type { ReportBundle, ReportCorrection } from "@/lib/schemas/report";
import { readerUrlFor } from "./build-snapshot";

export interface PublishedArticle {
  /** The latest publication snapshot (published claims only), with the corrections log. */
  bundle: ReportBundle;
  visibility: Visibility;
  /** Number of the latest publication (1 = original). */
  publicationNumber: number;
}

export interface WithdrawnDetails {
  title: string;
  withdrawnAt: string;
  reason: string;
}

/** "This fact-check was withdrawn on 3 May 2026: <reason>" */
export function withdrawnMessage(d: Pick<WithdrawnDetails, "withdrawnAt" | "reason">): string {
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(d.withdrawnAt));
  return `This fact-check was withdrawn on ${date}: ${d.reason}`;
}

/**
 * What readers get at /r/<slug>: the latest publication snapshot, never the live claims.
 * PUBLIC: anyone. MEMBERS: signed-in members of the workspace; signed out is UNAUTHORIZED
 * (the page sends them to sign in), anyone else NOT_FOUND. Withdrawn: GONE with the reason.
 */
export async function getPublishedArticle({ actor, slug }: { actor: MaybeActor; slug: string }): Promise<PublishedArticle> {
  const article = await db.article.findFirst({
    where: { slug, deletedAt: null, status: { in: ["PUBLISHED", "WITHDRAWN"] } },
    select: {
      id: true,
      title: true,
      status: true,
      visibility: true,
      workspaceId: true,
      firstPublishedAt: true,
      withdrawnAt: true,
      withdrawnReason: true,
      publications: { orderBy: { number: "asc" }, select: { number: true, snapshot: true, reason: true, changes: true, createdAt: true } },
    },
  });
  const latest = article?.publications.at(-1);
  if (!article || !latest) throw notFound("Fact-check");

  if (article.visibility === "MEMBERS") {
    if (!actor) throw new AppError("UNAUTHORIZED", "This fact-check is for members of its newsroom: sign in to read it.");
    const member = await db.membership.findFirst({ where: { workspaceId: article.workspaceId, userId: actor.userId, user: { active: true } } });
    if (!member) throw notFound("Fact-check");
  }

  if (article.status === "WITHDRAWN") {
    const details: WithdrawnDetails = {
      title: article.title,
      withdrawnAt: (article.withdrawnAt ?? new Date()).toISOString(),
      reason: article.withdrawnReason ?? "No reason was given.",
    };
    throw new AppError("GONE", withdrawnMessage(details), details);
  }

  const snapshot = JSON.parse(latest.snapshot) as ReportBundle;
  const corrections: ReportCorrection[] = article.publications
    .filter((p) => p.number >= 2)
    .map((p) => ({ number: p.number, reason: p.reason ?? "", changes: JSON.parse(p.changes) as string[], createdAt: p.createdAt.toISOString() }))
    .reverse();
  const bundle: ReportBundle = {
    ...snapshot,
    scope: "published",
    article: {
      ...snapshot.article,
      status: "PUBLISHED",
      readerUrl: readerUrlFor(snapshot.article.slug),
      firstPublishedAt: (article.firstPublishedAt ?? article.publications[0].createdAt).toISOString(),
      lastPublishedAt: latest.createdAt.toISOString(),
    },
    corrections,
  };
  return { bundle, visibility: article.visibility as Visibility, publicationNumber: latest.number };
}
