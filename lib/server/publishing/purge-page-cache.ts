import "server-only";
import { db } from "@/lib/db";
import { isCurrentPageKey, parsePageKey } from "./cached-page";

const BATCH = 500;

/**
 * Deletes cached pages nobody can be served any more: rendered by an older renderer, of a
 * publication that is no longer the article's latest, or of a deleted article. (Publishing and
 * withdrawing drop an article's rows at once; this catches what they cannot, e.g. a new build.)
 */
export async function purgeStalePageCache(): Promise<number> {
  const keys = (await db.pageCache.findMany({ select: { key: true } })).map((r) => r.key);
  const stale: string[] = [];
  const live: { key: string; articleId: string; publicationId: string; earlier: boolean }[] = [];
  for (const key of keys) {
    const parsed = parsePageKey(key);
    if (!parsed || !isCurrentPageKey(key)) stale.push(key);
    else live.push({ key, ...parsed });
  }
  const articleIds = [...new Set(live.map((l) => l.articleId))];
  const latest = new Map<string, string>();
  const existing = new Set<string>();
  for (let i = 0; i < articleIds.length; i += BATCH) {
    const rows = await db.publication.findMany({
      where: { articleId: { in: articleIds.slice(i, i + BATCH) }, article: { deletedAt: null } },
      orderBy: [{ articleId: "asc" }, { number: "desc" }],
      select: { id: true, articleId: true },
    });
    for (const r of rows) {
      existing.add(r.id);
      if (!latest.has(r.articleId)) latest.set(r.articleId, r.id);
    }
  }
  // The current page must be of the latest publication; an earlier text revision's page, of a publication that still exists.
  for (const l of live) if (l.earlier ? !existing.has(l.publicationId) : latest.get(l.articleId) !== l.publicationId) stale.push(l.key);
  let deleted = 0;
  for (let i = 0; i < stale.length; i += BATCH) {
    deleted += (await db.pageCache.deleteMany({ where: { key: { in: stale.slice(i, i + BATCH) } } })).count;
  }
  return deleted;
}
