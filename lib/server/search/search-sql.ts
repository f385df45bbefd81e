import "server-only";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { fts5Match, pairsQuery, tsqueryText } from "@/lib/search/query-terms";
import { pageRows, type PageRows } from "./search-rows";
import { sqliteCandidates } from "./sqlite-candidates";

// Provider-specific full-text SQL. Authorization is part of every query: the workspace, live rows,
// and for readers published material only. Returns ids in rank order with a marked snippet.

export interface SearchScope {
  workspaceId: string;
  /** Readers: published articles and published claims only. */
  publishedOnly: boolean;
  articleStatus?: string;
  claimStatus?: string;
  verdict?: string;
  claimant?: string;
  /** Epoch milliseconds, inclusive / exclusive. */
  fromMs?: number;
  toMs?: number;
  /** "Checked before": leave out the article being annotated. */
  excludeArticleId?: string;
}
/** One kind's page of results, best first, and how many match (at most CANDIDATES; `more`: there are more). */
export interface EntityPage<E extends SearchEntity> {
  total: number;
  more: boolean;
  hits: Array<PageRows[E]>;
}
export type SearchEntity = "articles" | "claims" | "sources";

/** Languages with a PostgreSQL stemmer (fm_search_config in the migration); the query is tried in each. */
const PG_CONFIGS = ["english", "german", "french", "spanish", "italian", "portuguese", "dutch", "russian", "simple"];

class Params {
  readonly values: unknown[] = [];
  constructor(private readonly pg: boolean) {}
  add(v: unknown): string {
    this.values.push(v);
    return this.pg ? `$${this.values.length}` : "?";
  }
}

// PostgreSQL (the fuzzy fallback); SQLite checks the same rule on its scope tables (sqlite-candidates.ts).
function scopeSql(p: Params, s: SearchScope, entity: SearchEntity): string {
  const parts = [`a."workspaceId" = ${p.add(s.workspaceId)}`, `a."deletedAt" IS NULL`];
  if (entity !== "articles") parts.push(`c."deletedAt" IS NULL`);
  if (s.publishedOnly) {
    parts.push(`a."status" = 'PUBLISHED'`);
    if (entity !== "articles") parts.push(`c."status" = 'PUBLISHED'`);
  }
  if (s.excludeArticleId) parts.push(`a."id" <> ${p.add(s.excludeArticleId)}`);
  if (entity === "articles" && s.articleStatus) parts.push(`a."status" = ${p.add(s.articleStatus)}`);
  if (entity !== "articles") {
    if (s.claimStatus) parts.push(`c."status" = ${p.add(s.claimStatus)}`);
    if (s.verdict) parts.push(`c."verdictKey" = ${p.add(s.verdict)}`);
    if (s.claimant) parts.push(`lower(c."claimant") = lower(${p.add(s.claimant)})`);
  }
  const dated = entity === "articles" ? `a."createdAt"` : entity === "claims" ? `c."createdAt"` : `s."createdAt"`;
  const ms = `(extract(epoch from ${dated}) * 1000)`;
  if (s.fromMs !== undefined) parts.push(`${ms} >= ${p.add(s.fromMs)}`);
  if (s.toMs !== undefined) parts.push(`${ms} < ${p.add(s.toMs)}`);
  return parts.join(" AND ");
}

/** Matches ranked per kind: the newest CANDIDATES matches are ranked, so a query matching most of the archive still answers fast. */
export const CANDIDATES = 500;

interface Built {
  /** Up to CANDIDATES matches, newest first: id, rank key (higher is better) and, on SQLite, the FTS rowid. */
  sql: string;
  params: unknown[];
}

function pgQuery(configs: readonly string[], t: string): string {
  // Several languages: each distinct stemming once (fm_tsquery_in_configs, migration 20261203141500).
  return configs.length === 1 ? `to_tsquery('${configs[0]}', ${t})` : `fm_tsquery_in_configs('{${configs.join(",")}}', ${t})`;
}

const PG = {
  articles: { configs: PG_CONFIGS, matches: "fm_article_matches" },
  claims: { configs: ["english"], matches: "fm_claim_matches" },
  sources: { configs: ["simple"], matches: "fm_source_matches" },
} as const;

function postgresCandidates(entity: SearchEntity, tsq: string, s: SearchScope, limit: number): Built {
  const p = new Params(true);
  const e = PG[entity];
  const q = pgQuery(e.configs, p.add(tsq));
  // fm_*_matches (migration 20261203141500) apply the scope to the search table's own copies of the
  // filter columns while the GIN index is read, keep the newest `limit` and rank only those.
  const status = entity === "articles" ? s.articleStatus : s.claimStatus;
  const args = [
    q,
    `${p.add(s.workspaceId)}::text`,
    `${p.add(s.publishedOnly)}::boolean`,
    `${p.add(status ?? null)}::text`,
    ...(entity === "articles" ? [] : [`${p.add(s.verdict ?? null)}::text`, `${p.add(s.claimant ?? null)}::text`]),
    `${p.add(s.fromMs ?? null)}::double precision`,
    `${p.add(s.toMs ?? null)}::double precision`,
    `${p.add(s.excludeArticleId ?? null)}::text`,
    `${p.add(limit)}::integer`,
  ];
  const sql = `SELECT "id" AS id, "rank" AS rank FROM ${e.matches}(${args.join(", ")}) ORDER BY "id" DESC`;
  return { sql, params: p.values };
}

function postgresSnippet(entity: SearchEntity): string {
  const opts = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=…'`;
  const q = pgQuery(PG[entity].configs, "$1");
  return entity === "articles"
    ? `ts_headline(fm_search_config(a."language"), coalesce(a."byline", '') || ' · ' || a."canonicalText", ${q}, ${opts})`
    : entity === "claims"
      ? `ts_headline('english', concat_ws(' · ', c."statement", c."exact", c."claimant", regexp_replace(c."rationale", '<[^>]*>', ' ', 'g')), ${q}, ${opts})`
      : `ts_headline('simple', concat_ws(' · ', s."title", s."publisher", s."url"), ${q}, ${opts})`;
}

/**
 * The page of one kind's matches, best first, with what each shows (and its marked snippet), plus
 * how many match. At most CANDIDATES matches are counted and ranked (the newest); `more` says
 * there were more than that.
 */
export async function searchEntity<E extends SearchEntity>(
  tx: Tx,
  entity: E,
  terms: string[],
  scope: SearchScope,
  page: { limit: number; offset: number },
  mode: "all" | "any" = "all",
): Promise<EntityPage<E>> {
  const pg = databaseProvider() === "postgresql";
  const query = pg ? tsqueryText(terms, mode) : fts5Match(terms, mode);
  const built = pg ? postgresCandidates(entity, query, scope, CANDIDATES + 1) : sqliteCandidates(entity, query, scope, CANDIDATES + 1);
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; rid?: number | bigint; rank: number }>>(built.sql, ...built.params);
  const more = rows.length > CANDIDATES;
  const ranked = rows
    .slice(0, CANDIDATES)
    .sort((a, b) => Number(b.rank) - Number(a.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(page.offset, page.offset + page.limit);
  const snippet = pg ? { pg: postgresSnippet(entity) } : { fts5: query, rowids: ranked.map((r) => Number(r.rid)) };
  const shown = await pageRows(tx, entity, ranked.map((r) => r.id), snippet, query);
  return { total: Math.min(rows.length, CANDIDATES), more, hits: inOrder(ranked, shown) };
}

function inOrder<T>(ranked: Array<{ id: string }>, rows: Map<string, T>): T[] {
  return ranked.flatMap((r) => {
    const row = rows.get(r.id);
    return row ? [row] : [];
  });
}

/**
 * "Checked before" candidates: claims of the scope sharing at least two of `terms` (most
 * informative first, the first four; one term: that one). The scope is applied while the index is walked, newest
 * match first, and the walk stops after `pool` matches in scope; only those are ranked (bm25 /
 * ts_rank_cd: rare shared words weigh most) and the `limit` best returned. So a pair of common
 * words costs at most `pool` rows, and other workspaces' claims are never ranked.
 */
export async function similarClaimCandidates(tx: Tx, terms: string[], scope: SearchScope, limit: number, pool = 200): Promise<string[]> {
  const pg = databaseProvider() === "postgresql";
  // Pairs of the 4 most informative words (6 pairs; 6 words made 15, and evaluating them cost most of the query).
  const built = pg ? postgresCandidates("claims", pairsQuery(terms, "tsquery", 4), scope, pool) : sqliteCandidates("claims", pairsQuery(terms, "fts5", 4), scope, pool);
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; rank: number }>>(built.sql, ...built.params);
  return rows
    .sort((a, b) => Number(b.rank) - Number(a.rank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map((r) => r.id);
}

/**
 * PostgreSQL only: claims (statement) and articles (title) whose words are spelled like the
 * query's (pg_trgm word similarity over the trigram indexes), for when full-text search finds
 * nothing, e.g. "Crimia". SQLite has no such index, nor sources: they answer nothing.
 */
export async function fuzzyEntity<E extends SearchEntity>(tx: Tx, entity: E, text: string, scope: SearchScope, page: { limit: number; offset: number }): Promise<EntityPage<E>> {
  if (databaseProvider() !== "postgresql" || entity === "sources" || text.length < 3) return { total: 0, more: false, hits: [] };
  const p = new Params(true);
  const q = p.add(text.toLowerCase());
  // Titles through fm_article_titles_like (migration 20261203141500), which makes the planner use the trigram index.
  const from = entity === "claims" ? `"Claim" c JOIN "Article" a ON a."id" = c."articleId"` : `fm_article_titles_like(${q}) m JOIN "Article" a ON a."id" = m."id"`;
  const rank = entity === "claims" ? `word_similarity(${q}, lower(c."statement"))` : `m."rank"`;
  const match = entity === "claims" ? `${q} <% lower(c."statement") AND ` : "";
  const id = entity === "claims" ? `c."id"` : `a."id"`;
  const sql = `SELECT ${id} AS id, ${rank} AS rank FROM ${from} WHERE ${match}${scopeSql(p, scope, entity)} ORDER BY rank DESC, ${id} LIMIT ${p.add(CANDIDATES + 1)}`;
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(sql, ...p.values);
  const ranked = rows.slice(page.offset, page.offset + page.limit);
  const shown = await pageRows(tx, entity, ranked.map((r) => r.id), null);
  return { total: Math.min(rows.length, CANDIDATES), more: rows.length > CANDIDATES, hits: inOrder(ranked, shown) };
}
