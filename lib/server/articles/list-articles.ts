import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import type { ArticleList, ArticleSort } from "@/lib/schemas/article";
import { canEdit, type ArticleStatus } from "@/lib/schemas/enums";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import type { ImportKind } from "@/lib/importing";

const ORDER: Record<ArticleSort, Array<Record<string, "asc" | "desc">>> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
  published: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
};

/** The workspace's article library: search (title, byline, text), status filter, sort, pages. */
export async function listArticles({
  actor: maybeActor,
  workspaceId,
  q,
  status,
  sort = "newest",
  page = 1,
  pageSize = 20,
}: {
  actor: MaybeActor;
  workspaceId: string;
  q?: string;
  status?: ArticleStatus;
  sort?: ArticleSort;
  page?: number;
  pageSize?: number;
}): Promise<ArticleList> {
  const actor = requireActor(maybeActor);
  const membership = await requireMembership(db, actor, workspaceId);
  const term = q?.trim();
  // SQLite's LIKE is already case-insensitive (ASCII); PostgreSQL needs mode "insensitive".
  const contains = (value: string) => (databaseProvider() === "postgresql" ? { contains: value, mode: "insensitive" as const } : { contains: value });
  const where = {
    workspaceId,
    AND: [
      readableArticleWhere(actor),
      ...(status ? [{ status }] : []),
      ...(term ? [{ OR: [{ title: contains(term) }, { byline: contains(term) }, { canonicalText: contains(term) }] }] : []),
    ],
  };
  const liveClaims = canEdit(membership.role) ? { deletedAt: null } : { deletedAt: null, status: "PUBLISHED" };
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: ORDER[sort],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        byline: true,
        siteName: true,
        sourceUrl: true,
        publishedAt: true,
        status: true,
        importKind: true,
        createdAt: true,
        updatedAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  // Counted for this page's articles only: a Prisma `_count` include groups every claim in the
  // database (150 ms at 200,000 claims on PostgreSQL; bench/plans/articles-newest.txt).
  const counts = await db.claim.groupBy({ by: ["articleId"], where: { articleId: { in: rows.map((r) => r.id) }, ...liveClaims }, _count: { _all: true } });
  const claimCount = new Map(counts.map((c) => [c.articleId, c._count._all]));
  return {
    total,
    page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      byline: r.byline,
      siteName: r.siteName,
      sourceUrl: r.sourceUrl,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      status: r.status as ArticleStatus,
      importKind: r.importKind as ImportKind,
      claimCount: claimCount.get(r.id) ?? 0,
      createdBy: r.createdBy?.name ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
