import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ApiSimilarClaim } from "@/lib/schemas/claim-link";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { parseSearchQuery } from "@/lib/search/query-terms";
import { similarity, weightedTerms, foldWord } from "@/lib/search/similarity";
import { requireActor, requireMembership } from "@/lib/server/access";
import { similarClaimCandidates } from "./search-sql";

const CANDIDATES = 40;
const MAX_TERMS = 10;
const MIN_SCORE = 0.2;

/**
 * "Checked before?": the workspace's earlier claims most like `text` (a selection or a statement),
 * outside the article being annotated. The database ranks candidates sharing any informative word;
 * they are re-scored by weighted overlap (numbers and names count most), so rewordings still rank.
 */
export async function findSimilarClaims({
  actor: maybeActor,
  articleId,
  text,
  limit = 5,
}: {
  actor: MaybeActor;
  articleId: string;
  text: string;
  limit?: number;
}): Promise<ApiSimilarClaim[]> {
  const actor = requireActor(maybeActor);
  const article = await db.article.findFirst({ where: { id: articleId, deletedAt: null, workspace: { memberships: { some: { userId: actor.userId } } } }, select: { workspaceId: true } });
  if (!article) throw notFound("Article");
  await requireMembership(db, actor, article.workspaceId, EDITING_ROLES);

  const weighted = weightedTerms(text);
  const informative = new Set(weighted.map((t) => t.term));
  // The most informative words (numbers and names first): a long selection's common words only add matches to rank.
  const order = new Map(weighted.map((t, i) => [t.term, i]));
  const terms = parseSearchQuery(text)
    .terms.filter((t) => informative.has(foldWord(t)))
    .sort((a, b) => (order.get(foldWord(a)) ?? 0) - (order.get(foldWord(b)) ?? 0))
    .slice(0, MAX_TERMS);
  if (!terms.length) return [];
  const ids = await similarClaimCandidates(db, terms, { workspaceId: article.workspaceId, publishedOnly: false, excludeArticleId: articleId }, CANDIDATES);
  if (!ids.length) return [];
  const hits = ids.map((id) => ({ id }));
  const rows = await db.claim.findMany({
    where: { id: { in: hits.map((h) => h.id) } },
    select: {
      id: true,
      articleId: true,
      statement: true,
      exact: true,
      claimant: true,
      verdictKey: true,
      status: true,
      createdAt: true,
      article: { select: { title: true } },
      _count: { select: { sources: true } },
    },
  });
  const rankOf = new Map(hits.map((h, i) => [h.id, i]));
  return rows
    .map((r) => {
      const own = Math.max(similarity(weighted, r.statement), similarity(weighted, r.exact));
      const dbRank = 1 - (rankOf.get(r.id) ?? CANDIDATES) / CANDIDATES;
      return { r, score: 0.85 * own + 0.15 * dbRank * own };
    })
    .filter((x) => x.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.r.createdAt.getTime() - a.r.createdAt.getTime())
    .slice(0, limit)
    .map(({ r, score }) => ({
      id: r.id,
      articleId: r.articleId,
      articleTitle: r.article.title,
      statement: r.statement,
      claimant: r.claimant,
      verdictKey: r.verdictKey,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      sourceCount: r._count.sources,
      score: Math.round(score * 100) / 100,
    }));
}
