import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { sourceSuggestionsQuerySchema, type ApiSourceSuggestion, type SourceSuggestionsQuery } from "@/lib/schemas/source-entry";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";

const SCAN = 300;

/**
 * Sources already cited in the claim's workspace whose title or URL contains `q` (the most
 * recently cited first, one entry per URL), leaving out those the claim already has. Editors only.
 */
export async function suggestSources({
  actor,
  claimId,
  query,
}: {
  actor: MaybeActor;
  claimId: string;
  query: Partial<SourceSuggestionsQuery>;
}): Promise<{ suggestions: ApiSourceSuggestion[] }> {
  const { q, limit } = sourceSuggestionsQuerySchema.parse(query);
  const { row } = await loadEditableClaim(db, actor, claimId);
  const term = q.replace(/\s+/g, " ").trim();
  const contains = (value: string) => (databaseProvider() === "postgresql" ? { contains: value, mode: "insensitive" as const } : { contains: value });
  const rows = await db.source.findMany({
    where: {
      claim: { deletedAt: null, article: { deletedAt: null, workspaceId: row.article.workspaceId } },
      url: { notIn: row.sources.map((s) => s.url) },
      ...(term ? { OR: [{ title: contains(term) }, { url: contains(term) }, { publisher: contains(term) }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN,
    select: { url: true, title: true, publisher: true, publishedOn: true, archiveUrl: true, createdAt: true },
  });
  const byUrl = new Map<string, ApiSourceSuggestion>();
  for (const r of rows) {
    const seen = byUrl.get(r.url);
    if (seen) {
      seen.uses += 1;
      // The newest citation's details stand; an older one fills what it left empty.
      seen.title ??= r.title;
      seen.publisher ??= r.publisher;
      seen.publishedOn ??= r.publishedOn;
      seen.archiveUrl ??= r.archiveUrl;
      continue;
    }
    byUrl.set(r.url, { url: r.url, title: r.title, publisher: r.publisher, publishedOn: r.publishedOn, archiveUrl: r.archiveUrl, uses: 1, lastUsedAt: r.createdAt.toISOString() });
  }
  return { suggestions: [...byUrl.values()].slice(0, limit) };
}
