import "./zod-config";
import { z } from "zod";
import { ARTICLE_STATUSES, CLAIM_STATUSES } from "./enums";

// Workspace search: query shape shared by the header box, the /search page and GET /api/v1/search.

export const SEARCH_KINDS = ["all", "articles", "claims", "sources"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_LIMITS = { query: 200, pageSize: 50 } as const;

const dateParam = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `\`${name}\` must be a date like 2024-05-31.`)
    .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()), `\`${name}\` is not a real date.`)
    .optional();

export const searchQuerySchema = z.strictObject({
  /** Free text; longer queries are shortened (the answer carries a note), never refused. */
  q: z.string().max(10_000, "The search is far too long: use a few words.").default(""),
  kind: z.enum(SEARCH_KINDS, { error: "`kind` must be all, articles, claims or sources." }).default("all"),
  /** Claim status (claims and sources) or article status (articles). */
  status: z.enum([...new Set([...CLAIM_STATUSES, ...ARTICLE_STATUSES])] as [string, ...string[]], { error: "Unknown `status`." }).optional(),
  verdict: z.string().trim().min(1).max(100).optional(),
  claimant: z.string().trim().min(1).max(300).optional(),
  from: dateParam("from"),
  to: dateParam("to"),
  page: z.coerce.number({ error: "`page` must be a number." }).int().min(1).max(1000).default(1),
  pageSize: z.coerce.number({ error: "`pageSize` must be a number." }).int().min(1).max(SEARCH_LIMITS.pageSize).default(10),
  /** Workspace id or slug; default the current one. */
  workspace: z.string().max(200).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Text with the matched words marked; plain strings only, so rendering needs no HTML. */
export type HighlightSegment = { text: string; hit: boolean };

export interface SearchArticleHit {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  snippet: HighlightSegment[];
}
export interface SearchClaimHit {
  id: string;
  articleId: string;
  articleTitle: string;
  statement: string;
  claimant: string | null;
  verdictKey: string | null;
  status: string;
  createdAt: string;
  snippet: HighlightSegment[];
}
export interface SearchSourceHit {
  id: string;
  claimId: string;
  articleId: string;
  claimStatement: string;
  url: string;
  title: string | null;
  publisher: string | null;
  snippet: HighlightSegment[];
}
export interface SearchGroup<T> {
  /** Matches counted (at most 500: the newest are ranked). */
  total: number;
  /** More matched than were counted: show "500+" and suggest narrowing the search. */
  more: boolean;
  items: T[];
}
export interface SearchResults {
  query: string;
  /** Set when the query was shortened or had nothing searchable. */
  note: string | null;
  page: number;
  pageSize: number;
  articles: SearchGroup<SearchArticleHit> | null;
  claims: SearchGroup<SearchClaimHit> | null;
  sources: SearchGroup<SearchSourceHit> | null;
}
