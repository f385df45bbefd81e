import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { canEdit, CLAIM_STATUSES, ARTICLE_STATUSES } from "@/lib/schemas/enums";
import type { SearchArticleHit, SearchClaimHit, SearchKind, SearchResults, SearchSourceHit } from "@/lib/schemas/search";
import { highlightSegments, parseSearchQuery } from "@/lib/search/query-terms";
import { requireActor, requireMembership } from "@/lib/server/access";
import { isoDate, type ArticlePageRow, type ClaimPageRow, type SourcePageRow } from "./search-rows";
import { fuzzyEntity, searchEntity, type EntityPage, type SearchEntity, type SearchScope } from "./search-sql";

export interface SearchWorkspaceInput {
  q: string;
  kind?: SearchKind;
  status?: string;
  verdict?: string;
  claimant?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

const DAY_MS = 86_400_000;

/**
 * Ranked full-text search over the workspace's articles, claims and sources (database indexes:
 * SQLite FTS5, PostgreSQL tsvector). Every word must match; when none does, any word may.
 */
export async function searchWorkspace({
  actor: maybeActor,
  workspaceId,
  input,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: SearchWorkspaceInput;
}): Promise<SearchResults> {
  const actor = requireActor(maybeActor);
  const membership = await requireMembership(db, actor, workspaceId);
  const { text, terms, note } = parseSearchQuery(input.q);
  const kind = input.kind ?? "all";
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 10;
  const claimFilters = Boolean(input.verdict || input.claimant);
  const scope: SearchScope = {
    workspaceId,
    publishedOnly: !canEdit(membership.role),
    articleStatus: input.status && (ARTICLE_STATUSES as readonly string[]).includes(input.status) ? input.status : undefined,
    claimStatus: input.status && (CLAIM_STATUSES as readonly string[]).includes(input.status) ? input.status : undefined,
    verdict: input.verdict,
    claimant: input.claimant,
    fromMs: input.from ? Date.parse(`${input.from}T00:00:00Z`) : undefined,
    toMs: input.to ? Date.parse(`${input.to}T00:00:00Z`) + DAY_MS : undefined,
  };
  const wanted = (entity: SearchEntity) => {
    if (kind !== "all" && kind !== entity) return false;
    // Verdict and claimant describe claims: articles cannot match them; a status only one kind has skips the other.
    if (entity === "articles" && (claimFilters || (input.status && !scope.articleStatus))) return false;
    if (entity !== "articles" && input.status && !scope.claimStatus) return false;
    return terms.length > 0;
  };
  const window = { limit: pageSize, offset: (page - 1) * pageSize };
  let fuzzy = false;
  const run = async <E extends SearchEntity>(entity: E): Promise<EntityPage<E> | null> => {
    if (!wanted(entity)) return null;
    const all = await searchEntity(db, entity, terms, scope, window, "all");
    if (all.total > 0) return all;
    const any = terms.length < 2 ? all : await searchEntity(db, entity, terms, scope, window, "any");
    if (any.total > 0 || entity === "sources") return any;
    // Nothing shares a word: words spelled alike (PostgreSQL's trigram indexes), e.g. a typo.
    const close = await fuzzyEntity(db, entity, terms.join(" "), scope, window);
    if (close.total > 0) fuzzy = true;
    return close;
  };
  const [articles, claims, sources] = await Promise.all([run("articles"), run("claims"), run("sources")]);
  return {
    query: text,
    note: note ?? (fuzzy ? "Nothing matched every word: showing claims and articles spelled alike." : null),
    page,
    pageSize,
    articles: articles && { total: articles.total, more: articles.more, items: articles.hits.map(toArticleHit) },
    claims: claims && { total: claims.total, more: claims.more, items: claims.hits.map(toClaimHit) },
    sources: sources && { total: sources.total, more: sources.more, items: sources.hits.map(toSourceHit) },
  };
}

// The rows were authorized by the search query that picked them and hold exactly the hit's fields.
const toArticleHit = (r: ArticlePageRow): SearchArticleHit => ({ ...r, createdAt: isoDate(r.createdAt), snippet: highlightSegments(r.snippet) });
const toClaimHit = (r: ClaimPageRow): SearchClaimHit => ({ ...r, createdAt: isoDate(r.createdAt), snippet: highlightSegments(r.snippet) });
const toSourceHit = (r: SourcePageRow): SearchSourceHit => ({ ...r, snippet: highlightSegments(r.snippet) });
