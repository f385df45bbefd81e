import "server-only";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { fts5Match, tsqueryText } from "@/lib/search/query-terms";

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
export interface RankedHit {
  id: string;
  snippet: string | null;
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

function scopeSql(p: Params, pg: boolean, s: SearchScope, entity: SearchEntity): string {
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
    if (s.claimant) parts.push(pg ? `lower(c."claimant") = lower(${p.add(s.claimant)})` : `c."claimant" = ${p.add(s.claimant)} COLLATE NOCASE`);
  }
  const dated = entity === "articles" ? `a."createdAt"` : entity === "claims" ? `c."createdAt"` : `s."createdAt"`;
  // SQLite stores Prisma DateTimes as ISO text or epoch ms depending on the adapter: compare as ms.
  const ms = pg ? `(extract(epoch from ${dated}) * 1000)` : `(CASE typeof(${dated}) WHEN 'integer' THEN ${dated} ELSE CAST(strftime('%s', ${dated}) AS INTEGER) * 1000 END)`;
  if (s.fromMs !== undefined) parts.push(`${ms} >= ${p.add(s.fromMs)}`);
  if (s.toMs !== undefined) parts.push(`${ms} < ${p.add(s.toMs)}`);
  return parts.join(" AND ");
}

function sqliteQuery(entity: SearchEntity, match: string, s: SearchScope, page: { limit: number; offset: number }) {
  const p = new Params(false);
  const snip = (table: string) => `snippet(${table}, -1, char(2), char(3), '…', 16)`;
  const m = p.add(match);
  let from: string;
  let rank: string;
  let snippet: string;
  let id: string;
  if (entity === "articles") {
    from = `"article_fts" JOIN "Article" a ON a.rowid = "article_fts".rowid`;
    rank = `bm25("article_fts", 10.0, 4.0, 1.0)`;
    snippet = snip(`"article_fts"`);
    id = `a."id"`;
  } else if (entity === "claims") {
    from = `"claim_fts" JOIN "Claim" c ON c.rowid = "claim_fts".rowid JOIN "Article" a ON a."id" = c."articleId"`;
    rank = `bm25("claim_fts", 10.0, 8.0, 4.0, 1.0)`;
    snippet = snip(`"claim_fts"`);
    id = `c."id"`;
  } else {
    from = `"source_fts" JOIN "Source" s ON s.rowid = "source_fts".rowid JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId"`;
    rank = `bm25("source_fts", 6.0, 2.0, 3.0)`;
    snippet = snip(`"source_fts"`);
    id = `s."id"`;
  }
  const table = entity === "articles" ? "article_fts" : entity === "claims" ? "claim_fts" : "source_fts";
  const where = `"${table}" MATCH ${m} AND ${scopeSql(p, false, s, entity)}`;
  const countSql = `SELECT count(*) AS n FROM ${from} WHERE ${where}`;
  const countParams = [...p.values];
  const rowsSql = `SELECT ${id} AS id, ${snippet} AS snippet FROM ${from} WHERE ${where} ORDER BY ${rank}, ${id} LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`;
  return { countSql, countParams, rowsSql, rowsParams: p.values };
}

function postgresQuery(entity: SearchEntity, tsq: string, s: SearchScope, page: { limit: number; offset: number }) {
  const p = new Params(true);
  const t = p.add(tsq);
  const query = (configs: string[]) => configs.map((c) => `to_tsquery('${c}', ${t})`).join(" || ");
  const opts = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=…'`;
  let from: string;
  let vector: string;
  let q: string;
  let headline: string;
  let id: string;
  if (entity === "articles") {
    from = `"Article" a`;
    vector = `fm_article_tsv(a."language", a."title", a."byline", a."canonicalText")`;
    q = `(${query(PG_CONFIGS)})`;
    headline = `ts_headline(fm_search_config(a."language"), coalesce(a."byline", '') || ' · ' || a."canonicalText", ${q}, ${opts})`;
    id = `a."id"`;
  } else if (entity === "claims") {
    from = `"Claim" c JOIN "Article" a ON a."id" = c."articleId"`;
    vector = `fm_claim_tsv(c."statement", c."exact", c."claimant", c."rationale")`;
    q = `(${query(["english"])})`;
    headline = `ts_headline('english', concat_ws(' · ', c."statement", c."exact", c."claimant", regexp_replace(c."rationale", '<[^>]*>', ' ', 'g')), ${q}, ${opts})`;
    id = `c."id"`;
  } else {
    from = `"Source" s JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId"`;
    vector = `fm_source_tsv(s."title", s."url", s."publisher")`;
    q = `(${query(["simple"])})`;
    headline = `ts_headline('simple', concat_ws(' · ', s."title", s."publisher", s."url"), ${q}, ${opts})`;
    id = `s."id"`;
  }
  const where = `${vector} @@ ${q} AND ${scopeSql(p, true, s, entity)}`;
  const countSql = `SELECT count(*)::int AS n FROM ${from} WHERE ${where}`;
  const countParams = [...p.values];
  const limit = p.add(page.limit);
  const offset = p.add(page.offset);
  // The headline is computed for the page's rows only.
  const rowsSql = `SELECT r.id, r.snippet FROM (SELECT ${id} AS id, ${headline} AS snippet, ts_rank_cd(${vector}, ${q}) AS rank FROM ${from} WHERE ${where} ORDER BY rank DESC, ${id} LIMIT ${limit} OFFSET ${offset}) r ORDER BY r.rank DESC, r.id`;
  return { countSql, countParams, rowsSql, rowsParams: p.values };
}

/** Ranked ids (and marked snippets) of one kind, plus the total matching. */
export async function searchEntity(
  tx: Tx,
  entity: SearchEntity,
  terms: string[],
  scope: SearchScope,
  page: { limit: number; offset: number },
  mode: "all" | "any" = "all",
): Promise<{ total: number; hits: RankedHit[] }> {
  const pg = databaseProvider() === "postgresql";
  const built = pg ? postgresQuery(entity, tsqueryText(terms, mode), scope, page) : sqliteQuery(entity, fts5Match(terms, mode), scope, page);
  const [count, rows] = await Promise.all([
    tx.$queryRawUnsafe<Array<{ n: number | bigint }>>(built.countSql, ...built.countParams),
    tx.$queryRawUnsafe<Array<{ id: string; snippet: string | null }>>(built.rowsSql, ...built.rowsParams),
  ]);
  return { total: Number(count[0]?.n ?? 0), hits: rows.map((r) => ({ id: r.id, snippet: r.snippet })) };
}
