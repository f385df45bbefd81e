import "server-only";
import { describeRange, selectionProblem, trimRange } from "@/lib/anchoring";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { AppError } from "@/lib/errors";
import type { ApiClaim } from "@/lib/schemas/claim";
import { recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "@/lib/server/claims/claim-access";
import { claimAuditScope } from "@/lib/server/claims/claim-audit-scope";
import { loadClaimRowById } from "@/lib/server/claims/claim-rows";
import { toApiClaim, type ClaimRow } from "@/lib/server/claims/claim-shape";
import { bumpClaimVersion, claimConflict } from "@/lib/server/claims/update-claim";

// The attention queue's actions on a CHANGED or ORPHANED claim: accept the span the
// re-anchoring found ("Accept"), or put the claim on a newly selected span ("Re-anchor here").
// Either way the claim is anchored again (INTACT) and the old quote is forgotten; its review
// status is left as the revision set it (approval is a separate, deliberate step).

export async function reattachClaim({
  actor: maybeActor,
  claimId,
  version,
  revision,
  span,
}: {
  actor: MaybeActor;
  claimId: string;
  version: number;
  /**
   * The text revision the user saw the span on. A revision saved meanwhile does not bump the
   * claim's version (its fields are untouched), but it moves every offset: the span would land on
   * other words, so that is a 409 too.
   */
  revision?: number;
  /** The new span in the current canonical text; omitted to accept the span found. */
  span?: { start: number; end: number };
}): Promise<ApiClaim> {
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    if (row.version !== version) {
      throw await claimConflict(tx, claimId);
    }
    const article = await tx.article.findUniqueOrThrow({ where: { id: row.articleId }, select: { canonicalText: true, document: true, revisionNumber: true } });
    if (revision !== undefined && revision !== article.revisionNumber) {
      throw new AppError(
        "CONFLICT",
        `The article's text was revised meanwhile (it is now at revision ${article.revisionNumber}). Reload the page and select the words again.`,
        { revisionNumber: article.revisionNumber },
      );
    }
    const text = article.canonicalText;
    let range = { start: row.start, end: row.end };
    if (span) {
      if (span.start < 0 || span.end > text.length || span.end <= span.start) {
        throw new AppError("UNPROCESSABLE", "The selected span is outside the article's text. Select the words again.");
      }
      range = trimRange(text, span);
      const problem = selectionProblem(layoutDocument(JSON.parse(article.document) as DocNode), range);
      if (problem) throw new AppError("UNPROCESSABLE", problem);
    } else if (row.anchorState === "ORPHANED") {
      throw new AppError("UNPROCESSABLE", "This claim's text was not found in the current version: select the words it is about and choose Re-anchor here.");
    }
    const { quote } = describeRange(text, range);
    await bumpClaimVersion(tx, claimId, version, actor.userId, {
      start: range.start,
      end: range.end,
      exact: quote.exact,
      prefix: quote.prefix ?? "",
      suffix: quote.suffix ?? "",
      anchorState: "INTACT",
      anchorScore: null,
      previousExact: null,
      anchoredRevision: article.revisionNumber,
    });
    await recordAudit(tx, {
      ...claimAuditScope(row, actor),
      entityType: "Claim",
      entityId: claimId,
      action: span ? "claim.reanchor-manual" : "claim.reanchor-accept",
      fields: ["exact", "start", "end", "anchorState"],
      before: { exact: row.exact, start: row.start, end: row.end, anchorState: row.anchorState, previousExact: row.previousExact },
      after: { exact: quote.exact, start: range.start, end: range.end, anchorState: "INTACT" },
    });
    return toApiClaim((await loadClaimRowById(tx, claimId)) as ClaimRow, { internal: true });
  });
}
