import type { SearchEntity, SearchScope } from "./search-sql";

// SQLite's candidate query. The scope is checked on the *_fts_scope tables (migration
// 20261203203000_search_scope_tables): narrow copies of the filter columns keyed by the FTS5 rowid,
// one small-table lookup per match instead of reading each match's Claim and Article rows.

const TABLES = {
  articles: { fts: "article_fts", scope: "article_fts_scope", rank: `bm25("article_fts", 10.0, 4.0, 1.0)` },
  claims: { fts: "claim_fts", scope: "claim_fts_scope", rank: `bm25("claim_fts", 10.0, 8.0, 4.0, 1.0)` },
  sources: { fts: "source_fts", scope: "source_fts_scope", rank: `bm25("source_fts", 6.0, 2.0, 3.0)` },
} as const;

/** The same rule as search-sql.ts scopeSql (PostgreSQL), over the scope table `x`. */
function scopeSql(params: unknown[], s: SearchScope, entity: SearchEntity): string {
  const add = (v: unknown) => (params.push(v), "?");
  const own = entity === "articles";
  // Column names on the scope table: an article's own, or a claim's / source's copy of its article's (and claim's).
  const articleDeleted = own ? `x."deleted"` : `x."articleDeleted"`;
  const articleStatus = own ? `x."status"` : `x."articleStatus"`;
  const claimDeleted = entity === "claims" ? `x."deleted"` : `x."claimDeleted"`;
  const claimStatus = entity === "claims" ? `x."status"` : `x."claimStatus"`;
  const parts = [`x."workspaceId" = ${add(s.workspaceId)}`, `${articleDeleted} = 0`];
  if (!own) parts.push(`${claimDeleted} = 0`);
  if (s.publishedOnly) {
    parts.push(`${articleStatus} = 'PUBLISHED'`);
    if (!own) parts.push(`${claimStatus} = 'PUBLISHED'`);
  }
  if (s.excludeArticleId) parts.push(`${own ? `x."id"` : `x."articleId"`} <> ${add(s.excludeArticleId)}`);
  if (own && s.articleStatus) parts.push(`x."status" = ${add(s.articleStatus)}`);
  if (!own) {
    if (s.claimStatus) parts.push(`${claimStatus} = ${add(s.claimStatus)}`);
    if (s.verdict) parts.push(`x."verdictKey" = ${add(s.verdict)}`);
    if (s.claimant) parts.push(`x."claimant" = ${add(s.claimant)} COLLATE NOCASE`);
  }
  if (s.fromMs !== undefined) parts.push(`x."at" >= ${add(s.fromMs)}`);
  if (s.toMs !== undefined) parts.push(`x."at" < ${add(s.toMs)}`);
  return parts.join(" AND ");
}

/** Up to `limit` matches in scope, newest first: id, FTS rowid and rank key (higher is better). */
export function sqliteCandidates(entity: SearchEntity, match: string, s: SearchScope, limit: number): { sql: string; params: unknown[] } {
  const t = TABLES[entity];
  const params: unknown[] = [match];
  const scope = scopeSql(params, s, entity);
  params.push(limit);
  // FTS5 walks matches in rowid order without sorting: newest first, then bm25 on those only.
  const sql = `SELECT x."id" AS id, "${t.fts}".rowid AS rid, -${t.rank} AS rank FROM "${t.fts}" JOIN "${t.scope}" x ON x."rid" = "${t.fts}".rowid WHERE "${t.fts}" MATCH ? AND ${scope} ORDER BY "${t.fts}".rowid DESC LIMIT ?`;
  return { sql, params };
}
