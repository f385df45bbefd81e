import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/server/audit";
import { approvalCanonical, demotionReason, isApprovedStatus, type ApprovalPart, type ApprovedContent } from "@/lib/workflow/claim-workflow";
import { notifyClaimEvents } from "@/lib/server/notifications/claim-events";
import { claimAuditScope } from "./claim-audit-scope";

// Approval integrity: an approval covers exactly what was approved. Approving stores a hash of
// the approved content; a change to any approved part of an APPROVED or PUBLISHED claim sends
// it back to IN_REVIEW in the same transaction as the change, with a reason and a history row.

type ContentRow = Omit<ApprovedContent, "sources"> & { sources: readonly ApprovedContent["sources"][number][] };

export function approvedContentOf(row: ContentRow): ApprovedContent {
  return {
    statement: row.statement,
    claimant: row.claimant,
    verdictKey: row.verdictKey,
    rationale: row.rationale,
    exact: row.exact,
    start: row.start,
    end: row.end,
    sources: row.sources,
  };
}

/** sha256 (hex) of what an approver approves. */
export function approvalHash(content: ApprovedContent): string {
  return createHash("sha256").update(approvalCanonical(content)).digest("hex");
}

/** The fields an update writes when it sends an approved claim back to review. */
export function reopenData(parts: readonly ApprovalPart[]) {
  return { status: "IN_REVIEW", reviewReason: demotionReason(parts), approvedById: null, approvedAt: null, approvedHash: null };
}

/**
 * For writes that change an approved part outside the claim row (sources, span): when the
 * claim was APPROVED or PUBLISHED, moves it back to IN_REVIEW with the reason and records it.
 * Does not bump the version (the write that caused it already did, in this transaction).
 */
export async function reopenAfterChange(
  tx: Tx,
  row: { id: string; articleId: string; status: string; statement: string; createdById: string; approvedById: string | null; article: { workspaceId: string } },
  actor: Actor,
  parts: readonly ApprovalPart[],
): Promise<boolean> {
  if (!isApprovedStatus(row.status) || parts.length === 0) return false;
  const data = reopenData(parts);
  await tx.claim.update({ where: { id: row.id }, data });
  await recordAudit(tx, {
    ...claimAuditScope(row, actor),
    entityType: "Claim",
    entityId: row.id,
    action: "claim.reopen",
    fields: ["status", "reviewReason"],
    before: { status: row.status, approvedById: row.approvedById },
    after: { status: data.status, reviewReason: data.reviewReason },
  });
  await notifyClaimEvents(tx, { row, actorId: actor.userId, from: row.status, to: "IN_REVIEW", reviewReason: data.reviewReason, newAssigneeId: null });
  return true;
}
