import "server-only";
import type { Actor, MaybeActor } from "@/lib/auth/actor";
import { bulkClaimActionSchema, type BulkClaimAction, type BulkClaimOutcome, type BulkClaimResult } from "@/lib/schemas/review-queue";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { readableClaimWhere } from "./claim-shape";
import { updateClaim } from "./update-claim";
import { CLAIM_STATUS_LABEL, type WorkflowStatus } from "@/lib/workflow/claim-workflow";

/**
 * A reviewer's action on several claims from the queue: assign (or unassign) them, or send claims
 * in review back to their authors as drafts (changes requested). Each claim goes through
 * updateClaim in its own transaction, so access, the workflow rules, the version seen in the
 * queue, the audit row and the notifications are exactly those of a single edit; a claim that
 * fails a check is skipped with the reason and the others go ahead.
 */
export async function bulkUpdateClaims({ actor: maybeActor, input }: { actor: MaybeActor; input: BulkClaimAction }): Promise<BulkClaimOutcome> {
  const actor = requireActor(maybeActor);
  const action = bulkClaimActionSchema.parse(input);
  const seen = new Set<string>();
  const results: BulkClaimResult[] = [];
  for (const { id, version } of action.claims) {
    if (seen.has(id)) continue;
    seen.add(id);
    try {
      if (action.action === "request-changes") await assertInReview(actor, id, version);
      const updated = await updateClaim({
        actor,
        claimId: id,
        version,
        patch: action.action === "assign" ? { assigneeId: action.assigneeId } : { status: "DRAFT" },
      });
      results.push({ id, ok: true, status: updated.status, version: updated.version });
    } catch (e) {
      if (!isAppError(e)) throw e;
      const message =
        e.code === "CONFLICT"
          ? "Changed by someone since the list was loaded: reload the list and pick it again."
          : e.message;
      results.push({ id, ok: false, error: { code: e.code, message } });
    }
  }
  const done = results.filter((r) => r.ok).length;
  return { done, skipped: results.length - done, results };
}

/**
 * Sending back in bulk is for claims in review only: an approved or published claim deserves its
 * own look (and its own "Request changes"). The version then guards the gap until the update.
 */
async function assertInReview(actor: Actor, id: string, version: number): Promise<void> {
  const row = await db.claim.findFirst({ where: { id, ...readableClaimWhere(actor) }, select: { status: true, version: true } });
  if (!row || row.version !== version) return; // updateClaim answers NOT_FOUND or CONFLICT
  if (row.status !== "IN_REVIEW") {
    throw new AppError("UNPROCESSABLE", `Only claims in review can be sent back in bulk; this one is ${CLAIM_STATUS_LABEL[row.status as WorkflowStatus].toLowerCase()}. Open it to request changes.`);
  }
}
