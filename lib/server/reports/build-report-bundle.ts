import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { canEdit } from "@/lib/schemas/enums";
import type { ReportBundle, ReportCorrection } from "@/lib/schemas/report";
import { readableArticleWhere, requireActor } from "@/lib/server/access";
import { buildSnapshot, readerUrlFor } from "@/lib/server/publishing/build-snapshot";

// The ReportBundle every export renders. Scope "published" is exactly what readers see: the
// latest publication snapshot when the article has been published, else its claims in status
// PUBLISHED. Scope "all" (every live claim, drafts included, marked internal) is for editors
// and admins only. Corrections come from the article's publications after the first.

export type ReportScope = "published" | "all";

export interface BuildReportBundleInput {
  actor: MaybeActor;
  articleId: string;
  scope: ReportScope;
  now?: Date;
}

export async function buildReportBundle({ actor: maybeActor, articleId, scope, now = new Date() }: BuildReportBundleInput): Promise<ReportBundle> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({
    where: { id: articleId, ...readableArticleWhere(actor) },
    select: {
      id: true,
      workspace: { select: { memberships: { where: { userId: actor.userId, active: true }, select: { role: true } } } },
    },
  });
  if (!article) throw notFound("Article");
  const role = article.workspace.memberships[0]?.role;
  if (scope === "all" && !canEdit(role)) {
    throw new AppError("FORBIDDEN", "Only editors and admins can export internal reports with every claim. Export the published claims instead (scope=published).");
  }
  return db.$transaction((tx) => bundleForArticle(tx, article.id, scope, now));
}

/** Builds the bundle of an article the caller has already authorised (also used by the workspace export). */
export async function bundleForArticle(tx: Tx, articleId: string, scope: ReportScope, now: Date): Promise<ReportBundle> {
  const publications = await tx.publication.findMany({
    where: { articleId },
    orderBy: { number: "asc" },
    select: { number: true, snapshot: true, reason: true, changes: true, createdAt: true },
  });
  const corrections: ReportCorrection[] = publications
    .filter((p) => p.number >= 2)
    .map((p) => ({ number: p.number, reason: p.reason ?? "", changes: parseChanges(p.changes), createdAt: p.createdAt.toISOString() }))
    .reverse();
  const latest = publications.at(-1);

  if (scope === "published" && latest) {
    const snapshot = JSON.parse(latest.snapshot) as ReportBundle;
    const live = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, firstPublishedAt: true, workspace: { select: { locale: true } } } });
    return {
      ...snapshot,
      scope: "published",
      article: {
        ...snapshot.article,
        status: live.status === "WITHDRAWN" ? "WITHDRAWN" : "PUBLISHED",
        readerUrl: readerUrlFor(snapshot.article.slug),
        firstPublishedAt: (live.firstPublishedAt ?? publications[0].createdAt).toISOString(),
        lastPublishedAt: latest.createdAt.toISOString(),
      },
      organization: { ...snapshot.organization, locale: live.workspace.locale },
      claims: snapshot.claims.filter((c) => c.status === "PUBLISHED"),
      corrections,
      generatedAt: now.toISOString(),
    };
  }

  const bundle = await buildSnapshot(tx, { articleId, scope: "all", now });
  return {
    ...bundle,
    scope,
    // Never published: only claims already in status PUBLISHED reach a "published" report.
    claims: scope === "published" ? bundle.claims.filter((c) => c.status === "PUBLISHED") : bundle.claims,
    corrections,
  };
}

function parseChanges(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) : [];
  } catch {
    return [];
  }
}
