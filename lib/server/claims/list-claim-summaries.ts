import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { INDEX_STATEMENT_MAX, statementReader, summaryOf, type ClaimSummary } from "@/lib/claims/claim-index";
import type { ClaimStatus } from "@/lib/schemas/enums";
import { apiReadableClaimWhere } from "./claim-shape";
import { listClaims } from "./list-claims";

/**
 * The summaries of an article's claims for the article page, in document order. Editors: one
 * narrow query (no rationale, sources or people) plus the open-thread counts. Readers: the
 * published claims as published (listClaims), summarised. The caller has checked that the
 * actor reads the article; the claim query keeps the access rule in its `where` all the same.
 * A statement that is the default one of its span is left out (the page derives it from `text`,
 * the article's canonical text).
 */
export async function listClaimSummaries({ actor, articleId, editor, text }: { actor: Actor; articleId: string; editor: boolean; text: string }): Promise<ClaimSummary[]> {
  const read = statementReader(text);
  const isDefault = (c: { statement: string; start: number; end: number }) => c.statement === read({ statement: null, start: c.start, end: c.end });
  if (!editor) return (await listClaims({ actor, articleId })).map((c) => (isDefault(c) ? { ...summaryOf(c), statement: null } : summaryOf(c)));
  const [rows, threads] = await Promise.all([
    db.claim.findMany({
      where: { articleId, ...apiReadableClaimWhere(actor) },
      select: {
        id: true,
        start: true,
        end: true,
        exact: true,
        statement: true,
        claimant: true,
        verdictKey: true,
        status: true,
        assigneeId: true,
        version: true,
        _count: { select: { sources: true } },
      },
      orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    db.comment.groupBy({
      by: ["claimId"],
      where: { claim: { articleId, deletedAt: null }, parentId: null, resolved: false, deletedAt: null },
      _count: { _all: true },
    }),
  ]);
  const open = new Map(threads.map((t) => [t.claimId, t._count._all]));
  return rows.map((r) => ({
    id: r.id,
    start: r.start,
    end: r.end,
    verdict: r.verdictKey,
    status: r.status as ClaimStatus,
    statement: isDefault(r) ? null : r.statement.slice(0, INDEX_STATEMENT_MAX),
    claimant: r.claimant,
    assigneeId: r.assigneeId,
    sourceCount: r._count.sources,
    openThreadCount: open.get(r.id) ?? 0,
    version: r.version,
  }));
}
