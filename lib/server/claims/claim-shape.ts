import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { memberOf } from "@/lib/server/access";
import type { ApiClaim, ApiSource } from "@/lib/schemas/claim";
import { canEdit, type Role } from "@/lib/schemas/enums";

// Which claims an actor may see, the query shape every claim service loads, and the API
// shape it answers with.

/**
 * Claims the actor may read: every live claim of a live article in a workspace where they
 * edit; for readers, published claims of published articles only.
 */
export function readableClaimWhere(actor: Actor) {
  return {
    deletedAt: null,
    OR: [
      { article: { deletedAt: null, workspace: memberOf(actor, ["ADMIN", "EDITOR"]) } },
      { status: "PUBLISHED", article: { deletedAt: null, status: "PUBLISHED", workspace: memberOf(actor) } },
    ],
  };
}

/**
 * readableClaimWhere for a claim already loaded (live, of a live article) with the actor's role
 * from an active membership: editors and admins read it, readers only when it and its article
 * are published.
 */
export function roleReadsClaim(role: Role, claimStatus: string, articleStatus: string): boolean {
  return canEdit(role) || (claimStatus === "PUBLISHED" && articleStatus === "PUBLISHED");
}

/**
 * Claims the claims API may answer with: what readableClaimWhere allows, plus claims of published
 * articles that were published once and are being edited again (readers then get the published
 * version from the snapshot, which is the final check: see lib/server/publishing/published-claims).
 */
export function apiReadableClaimWhere(actor: Actor) {
  return {
    deletedAt: null,
    OR: [
      { article: { deletedAt: null, workspace: memberOf(actor, ["ADMIN", "EDITOR"]) } },
      {
        AND: [{ OR: [{ status: "PUBLISHED" }, { publishedAt: { not: null } }] }],
        article: { deletedAt: null, status: "PUBLISHED", workspace: memberOf(actor) },
      },
    ],
  };
}

/** Trashed claims an editor may restore. */
export function trashedClaimWhere(actor: Actor) {
  return { deletedAt: { not: null }, article: { deletedAt: null, workspace: memberOf(actor, ["ADMIN", "EDITOR"]) } };
}

const person = { select: { id: true, name: true } } satisfies Prisma.UserDefaultArgs;

export const claimInclude = {
  article: { select: { id: true, workspaceId: true, status: true } },
  createdBy: person,
  updatedBy: person,
  approvedBy: person,
  assignee: person,
  sources: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.ClaimInclude;

// Comment counts are read by claim id (withCommentCounts), never as a Prisma `_count` include:
// a filtered relation count becomes a GROUP BY over the whole Comment table joined to the claims
// (170 ms at 100,000 comments on PostgreSQL, on every claim read and write; bench/plans/).
export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }> & { _count: { comments: number } };

/** Adds each claim's live comment count (one grouped query over these claims' comments). */
export async function withCommentCounts<R extends { id: string }>(tx: Tx, rows: R[]): Promise<(R & { _count: { comments: number } })[]> {
  const counts = new Map<string, number>();
  // In chunks: SQLite caps the number of query parameters.
  for (let i = 0; i < rows.length; i += 500) {
    const groups = await tx.comment.groupBy({ by: ["claimId"], where: { claimId: { in: rows.slice(i, i + 500).map((r) => r.id) }, deletedAt: null }, _count: { _all: true } });
    for (const g of groups) counts.set(g.claimId, g._count._all);
  }
  return rows.map((r) => ({ ...r, _count: { comments: counts.get(r.id) ?? 0 } }));
}

export type SourceRow = ClaimRow["sources"][number];

export function toApiSource(s: SourceRow): ApiSource {
  return {
    id: s.id,
    claimId: s.claimId,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn,
    accessedOn: s.accessedOn,
    excerpt: s.excerpt,
    stance: s.stance as ApiSource["stance"],
    archiveUrl: s.archiveUrl,
    position: s.position,
    version: s.version,
  };
}

/** The claim as the API and the panel see it; `internal` adds what readers never get. */
export function toApiClaim(row: ClaimRow, opts: { internal: boolean; openThreadCount?: number }): ApiClaim {
  const claim: ApiClaim = {
    id: row.id,
    articleId: row.articleId,
    type: "Annotation",
    target: {
      source: `/api/v1/articles/${row.articleId}`,
      selector: [
        { type: "TextQuoteSelector", exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: "TextPositionSelector", start: row.start, end: row.end },
      ],
    },
    exact: row.exact,
    start: row.start,
    end: row.end,
    statement: row.statement,
    claimant: row.claimant,
    verdict: row.verdictKey,
    rationale: row.rationale,
    status: row.status as ApiClaim["status"],
    version: row.version,
    author: row.createdBy,
    updatedBy: row.updatedBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    sources: row.sources.map(toApiSource),
  };
  if (opts.internal) {
    claim.assignee = row.assignee;
    claim.reviewReason = row.reviewReason;
    claim.commentCount = row._count.comments;
    if (opts.openThreadCount !== undefined) claim.openThreadCount = opts.openThreadCount;
    claim.anchor = {
      state: row.anchorState as NonNullable<ApiClaim["anchor"]>["state"],
      score: row.anchorScore,
      previousExact: row.previousExact,
      revision: row.anchoredRevision,
    };
  }
  return claim;
}

/** The fields history records for a claim, as plain JSON. */
export function claimSnapshot(row: {
  statement: string;
  claimant: string | null;
  verdictKey: string | null;
  rationale: string;
  status: string;
  assigneeId: string | null;
  exact: string;
  start: number;
  end: number;
}) {
  return {
    statement: row.statement,
    claimant: row.claimant,
    verdict: row.verdictKey,
    rationale: row.rationale,
    status: row.status,
    assigneeId: row.assigneeId,
    exact: row.exact,
    start: row.start,
    end: row.end,
  };
}
