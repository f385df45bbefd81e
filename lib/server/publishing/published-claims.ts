import "server-only";
import { db } from "@/lib/db";
import { LruMap } from "@/lib/lru";
import type { ApiClaim } from "@/lib/schemas/claim";
import type { ReportBundle, ReportClaim } from "@/lib/schemas/report";

// What readers get of a claim is what was published: the latest publication snapshot of its
// article, never the live row (edited after publishing, not yet republished). Snapshots never
// change, so the parsed claims are kept per publication id in a small in-process cache.

const parsed = new LruMap<string, Map<string, ReportClaim>>(16);

/** The claims of the article's latest publication by id, or null when it was never published. */
export async function latestPublishedClaims(articleId: string): Promise<Map<string, ReportClaim> | null> {
  const latest = await db.publication.findFirst({ where: { articleId }, orderBy: { number: "desc" }, select: { id: true } });
  if (!latest) return null;
  const hit = parsed.get(latest.id);
  if (hit) return hit;
  const row = await db.publication.findUniqueOrThrow({ where: { id: latest.id }, select: { snapshot: true } });
  const bundle = JSON.parse(row.snapshot) as ReportBundle;
  const claims = new Map(bundle.claims.map((c) => [c.id, c]));
  parsed.set(latest.id, claims);
  return claims;
}

/** The reader's view of a claim: the published content over the live row's identity. */
export function asPublished(live: ApiClaim, published: ReportClaim): ApiClaim {
  const liveSources = new Map(live.sources.map((s) => [s.id, s]));
  return {
    ...live,
    target: {
      source: live.target.source,
      selector: [
        { type: "TextQuoteSelector", exact: published.exact, prefix: published.prefix, suffix: published.suffix },
        { type: "TextPositionSelector", start: published.start, end: published.end },
      ],
    },
    exact: published.exact,
    start: published.start,
    end: published.end,
    statement: published.statement,
    claimant: published.claimant,
    verdict: published.verdict?.key ?? null,
    rationale: published.rationale,
    status: "PUBLISHED",
    author: published.author,
    updatedBy: published.author,
    approvedBy: published.reviewer,
    approvedAt: published.approvedAt,
    publishedAt: published.publishedAt,
    updatedAt: published.updatedAt,
    sources: published.sources.map((s, position) => ({
      ...s,
      claimId: live.id,
      position: liveSources.get(s.id)?.position ?? position,
      version: liveSources.get(s.id)?.version ?? 1,
    })),
  };
}
