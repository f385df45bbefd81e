import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { changedApprovalParts, isApprovedStatus, SELF_APPROVAL_MESSAGE, selfApprovalForbidden } from "@/lib/workflow/claim-workflow";
import { claimPatchFieldsSchema, type ApiClaim, type ClaimPatch } from "@/lib/schemas/claim";
import type { ClaimStatus } from "@/lib/schemas/enums";
import { changedFields, recordAudit } from "@/lib/server/audit";
import { loadEditableClaim } from "./claim-access";
import { loadClaimRowById } from "./claim-rows";
import { claimSnapshot, toApiClaim, type ClaimRow } from "./claim-shape";
import { assertAssignee, assertVerdictKey } from "./claim-validation";
import { notifyClaimEvents } from "@/lib/server/notifications/claim-events";
import { approvalHash, approvedContentOf, reopenData } from "./approval";
import { assertApprovable, assertTransition } from "./claim-workflow";
import { sanitizeOptionalText, sanitizePlainText, sanitizeRichText } from "./sanitize";
import { recordClaimEvent, type ClaimEventState } from "@/lib/server/live/record-event";

/** 409 carrying the claim as it is now, so the client can show both versions. */
export async function claimConflict(tx: Tx, claimId: string): Promise<AppError> {
  const current = await loadClaimRowById(tx, claimId);
  return new AppError(
    "CONFLICT",
    "Someone else changed this claim after you opened it. Compare the two versions and choose which to keep.",
    { current: current ? toApiClaim(current, { internal: true }) : null },
  );
}

/**
 * Bumps the claim's version if it is still `version` (optimistic concurrency), else throws
 * the 409. Every claim-level write (fields, sources) goes through here.
 */
export async function bumpClaimVersion(
  tx: Tx,
  claimId: string,
  version: number,
  actorId: string,
  data: Record<string, unknown> = {},
  /** The claim's article, workspace and status after the change, when the caller knows them. */
  after?: Omit<ClaimEventState, "version">,
) {
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, version, deletedAt: null },
    data: { ...data, version: { increment: 1 }, updatedById: actorId },
  });
  if (count === 0) throw await claimConflict(tx, claimId);
  await recordClaimEvent(tx, claimId, "claim.updated", actorId, after && { ...after, version: version + 1 });
}

function actionFor(from: ClaimStatus, to: ClaimStatus, reopened: boolean): string {
  if (reopened) return "claim.reopen";
  if (from === to) return "claim.update";
  if (to === "IN_REVIEW" && from === "DRAFT") return "claim.submit";
  if (to === "APPROVED") return "claim.approve";
  return "claim.request-changes";
}

/**
 * Changes a claim's fields and/or moves it through the workflow. `version` must be the
 * version the change was based on; a stale one is a CONFLICT with the current claim.
 * The change and its history row are written in one transaction.
 */
export async function updateClaim({
  actor: maybeActor,
  claimId,
  version,
  patch: rawPatch,
}: {
  actor: MaybeActor;
  claimId: string;
  version: number;
  patch: ClaimPatch;
}): Promise<ApiClaim> {
  const patch = claimPatchFieldsSchema.parse(rawPatch);
  return db.$transaction(async (tx) => {
    const { actor, row } = await loadEditableClaim(tx, maybeActor, claimId);
    if (row.version !== version) throw await claimConflict(tx, claimId);
    const workspaceId = row.article.workspaceId;
    const from = row.status as ClaimStatus;

    const next = {
      statement: row.statement,
      claimant: row.claimant,
      verdictKey: row.verdictKey,
      rationale: row.rationale,
      status: from,
      assigneeId: row.assigneeId,
    };
    if (patch.statement !== undefined) {
      next.statement = sanitizePlainText(patch.statement);
      if (!next.statement) throw new AppError("UNPROCESSABLE", "The statement can't be empty: write the claim as it can be checked.");
    }
    if (patch.claimant !== undefined) next.claimant = sanitizeOptionalText(patch.claimant);
    if (patch.verdict !== undefined) {
      if (patch.verdict !== null && patch.verdict !== row.verdictKey) await assertVerdictKey(tx, workspaceId, patch.verdict);
      next.verdictKey = patch.verdict;
    }
    if (patch.rationale !== undefined) next.rationale = sanitizeRichText(patch.rationale);
    if (patch.assigneeId !== undefined) {
      if (patch.assigneeId !== null && patch.assigneeId !== row.assigneeId) await assertAssignee(tx, workspaceId, patch.assigneeId);
      next.assigneeId = patch.assigneeId;
    }

    const extra: Record<string, unknown> = {};
    const to = patch.status ?? from;
    const sourceCount = row.sources.length;
    let reopened = false;
    if (to !== from) {
      assertTransition(from, to);
      if (to === "APPROVED") {
        assertApprovable({ ...next, sourceCount });
        const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { requireIndependentApproval: true } });
        if (selfApprovalForbidden(workspace.requireIndependentApproval, row.createdById, actor.userId)) throw forbidden(SELF_APPROVAL_MESSAGE);
        extra.approvedById = actor.userId;
        extra.approvedAt = new Date();
        extra.approvedHash = approvalHash(approvedContentOf({ ...row, ...next }));
        extra.reviewReason = null;
      } else if (isApprovedStatus(from)) {
        extra.approvedById = null;
        extra.approvedAt = null;
        extra.approvedHash = null;
        extra.reviewReason = null;
      }
      next.status = to;
    } else if (isApprovedStatus(from)) {
      // An approval covers exactly what was approved: a changed part sends it back to review.
      const parts = changedApprovalParts(approvedContentOf(row), approvedContentOf({ ...row, ...next }));
      if (parts.length) {
        const data = reopenData(parts);
        Object.assign(extra, data);
        next.status = "IN_REVIEW";
        reopened = true;
      }
    }

    const before = claimSnapshot(row);
    const after = claimSnapshot({ ...row, ...next });
    const fields = changedFields(before, after);
    if (fields.length === 0) return toApiClaim(row, { internal: true });

    await bumpClaimVersion(tx, claimId, version, actor.userId, { ...next, ...extra }, { articleId: row.articleId, workspaceId, status: next.status });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.userId,
      entityType: "Claim",
      entityId: claimId,
      claimId,
      articleId: row.articleId,
      action: actionFor(from, next.status, reopened),
      fields,
      before: pick(before, fields),
      after: reopened ? { ...pick(after, fields), reviewReason: extra.reviewReason } : pick(after, fields),
    });
    await notifyClaimEvents(tx, {
      row,
      actorId: actor.userId,
      from,
      to: next.status,
      reviewReason: reopened ? (extra.reviewReason as string) : null,
      newAssigneeId: next.assigneeId !== row.assigneeId ? next.assigneeId : null,
    });
    const updated = (await loadClaimRowById(tx, claimId)) as ClaimRow;
    return toApiClaim(updated, { internal: true });
  });
}

function pick<T extends Record<string, unknown>>(obj: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Partial<T>;
}
