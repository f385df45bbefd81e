import type { SearchArticleHit, SearchClaimHit, SearchSourceHit } from "@/lib/schemas/search";

// Where a search result leads: the article page, with the claim selected for claims and sources.
export const articleHref = (a: Pick<SearchArticleHit, "id">) => `/articles/${encodeURIComponent(a.id)}`;
export const claimHref = (c: Pick<SearchClaimHit, "id" | "articleId">) =>
  `/articles/${encodeURIComponent(c.articleId)}?claim=${encodeURIComponent(c.id)}`;
export const sourceHref = (s: Pick<SearchSourceHit, "claimId" | "articleId">) =>
  `/articles/${encodeURIComponent(s.articleId)}?claim=${encodeURIComponent(s.claimId)}`;

export function searchPageHref(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `/search?${s}` : "/search";
}
