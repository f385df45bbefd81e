import "server-only";
import type { Tx } from "@/lib/db";
import { approversOf, notify } from "./notify";

// Who hears about a claim's workflow step, written in the step's own transaction.

const quote = (statement: string) => `“${statement.length > 80 ? `${statement.slice(0, 79)}…` : statement}”`;

export async function notifyClaimEvents(
  tx: Tx,
  e: {
    row: { id: string; articleId: string; statement: string; createdById: string; article: { workspaceId: string } };
    actorId: string;
    from: string;
    to: string;
    reviewReason: string | null;
    newAssigneeId: string | null;
  },
): Promise<void> {
  const base = { workspaceId: e.row.article.workspaceId, actorId: e.actorId, claimId: e.row.id, articleId: e.row.articleId };
  const what = quote(e.row.statement);
  if (e.to === "IN_REVIEW" && (e.from === "DRAFT" || e.reviewReason)) {
    await notify(tx, {
      ...base,
      type: "REVIEW_REQUESTED",
      recipients: await approversOf(tx, base.workspaceId, e.row.createdById),
      message: e.reviewReason ? `${e.reviewReason}: ${what}` : `Submitted for review: ${what}`,
    });
  } else if (e.to === "APPROVED" && e.from !== "APPROVED") {
    await notify(tx, { ...base, type: "APPROVED", recipients: [e.row.createdById], message: `Approved: ${what}` });
  } else if (e.from !== e.to && (e.to === "DRAFT" || e.to === "IN_REVIEW")) {
    await notify(tx, { ...base, type: "CHANGES_REQUESTED", recipients: [e.row.createdById], message: `Changes requested: ${what}` });
  }
  if (e.newAssigneeId) {
    await notify(tx, { ...base, type: "ASSIGNED", recipients: [e.newAssigneeId], message: `Assigned to you: ${what}` });
  }
}
