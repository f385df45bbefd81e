import "server-only";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import type { SearchArticleHit, SearchClaimHit, SearchSourceHit } from "@/lib/schemas/search";
import type { SearchEntity } from "./search-sql";

// The fields a page of search results shows, read together with the marked snippet in one raw
// statement per kind. Three Prisma findMany calls (compiled on every search) plus a snippet query
// per kind were most of a search's CPU in the app process. The ids were authorized by the search
// query that picked them; this only reads what to show.

/** A date as a raw query returns it (PostgreSQL: Date; SQLite: Date, ISO text or epoch ms). */
type RawDate = Date | string | number;
/** Exactly the columns selected below: the hit as the API shows it, with the raw date and the marked snippet text. */
export type ArticlePageRow = Omit<SearchArticleHit, "createdAt" | "snippet"> & { createdAt: RawDate; snippet: string | null };
export type ClaimPageRow = Omit<SearchClaimHit, "createdAt" | "snippet"> & { createdAt: RawDate; snippet: string | null };
export type SourcePageRow = Omit<SearchSourceHit, "snippet"> & { snippet: string | null };
export interface PageRows {
  articles: ArticlePageRow;
  claims: ClaimPageRow;
  sources: SourcePageRow;
}

const FIELDS: Record<SearchEntity, { columns: string; table: string; row: string; joins: string }> = {
  articles: { columns: `a."id", a."title", a."status", a."createdAt"`, table: `"Article"`, row: "a", joins: "" },
  claims: {
    columns: `c."id", c."articleId", a."title" AS "articleTitle", c."statement", c."claimant", c."verdictKey", c."status", c."createdAt"`,
    table: `"Claim"`,
    row: "c",
    joins: ` JOIN "Article" a ON a."id" = c."articleId"`,
  },
  sources: {
    columns: `s."id", s."claimId", c."articleId", c."statement" AS "claimStatement", s."url", s."title", s."publisher"`,
    table: `"Source"`,
    row: "s",
    joins: ` JOIN "Claim" c ON c."id" = s."claimId"`,
  },
};

const SQLITE_FTS: Record<SearchEntity, string> = { articles: "article_fts", claims: "claim_fts", sources: "source_fts" };

/**
 * A marked snippet: the PostgreSQL expression (over the row's aliases, tsquery as $1), or SQLite's
 * FTS5 MATCH text with the FTS rowids of `ids` (the candidate query's), in the same order.
 */
export type SnippetSource = { pg: string } | { fts5: string; rowids: number[] } | null;

/**
 * The rows to show for `ids` (any order; the caller keeps its ranking), each with its snippet
 * when `snippet` says how to mark it (SQLite: FTS5 snippet(), which needs the MATCH; the fuzzy
 * fallback passes null and gets none).
 */
export async function pageRows<E extends SearchEntity>(tx: Tx, entity: E, ids: string[], snippet: SnippetSource, tsquery?: string): Promise<Map<string, PageRows[E]>> {
  if (!ids.length) return new Map();
  const f = FIELDS[entity];
  let sql: string;
  let params: unknown[];
  if (databaseProvider() === "postgresql") {
    const marked = snippet && "pg" in snippet ? snippet.pg : "NULL";
    const withQuery = marked !== "NULL";
    sql = `SELECT ${f.columns}, ${marked} AS "snippet" FROM ${f.table} ${f.row}${f.joins} WHERE ${f.row}."id" = ANY(${withQuery ? "$2" : "$1"}::text[])`;
    params = withQuery ? [tsquery, ids] : [ids];
  } else if (snippet && "fts5" in snippet) {
    const t = SQLITE_FTS[entity];
    // By FTS rowid: FTS5 then looks up each row; by id it walked every match of the query (all
    // 5,000 claims with "market", ~13 ms) to keep the page's few.
    sql = `SELECT ${f.columns}, snippet("${t}", -1, char(2), char(3), '…', 16) AS "snippet" FROM "${t}" JOIN ${f.table} ${f.row} ON ${f.row}.rowid = "${t}".rowid${f.joins} WHERE "${t}" MATCH ? AND "${t}".rowid IN (${snippet.rowids.map(() => "?").join(",")})`;
    params = [snippet.fts5, ...snippet.rowids];
  } else {
    sql = `SELECT ${f.columns}, NULL AS "snippet" FROM ${f.table} ${f.row}${f.joins} WHERE ${f.row}."id" IN (${ids.map(() => "?").join(",")})`;
    params = ids;
  }
  const rows = await tx.$queryRawUnsafe<Array<PageRows[E]>>(sql, ...params);
  return new Map(rows.map((r) => [r.id, r]));
}

/** ISO text of a date a raw query returned. */
export function isoDate(v: RawDate): string {
  return (v instanceof Date ? v : new Date(v)).toISOString();
}
