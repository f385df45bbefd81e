import "server-only";
import { AppError } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/schemas/enums";
import { richTextIsEmpty } from "./sanitize";

// The review workflow: DRAFT → IN_REVIEW → APPROVED, with "request changes" back to
// IN_REVIEW or DRAFT. PUBLISHED is set only by publishing the article.
//
// Editing rule (kept simple and predictable): any editor or admin may edit an APPROVED or
// PUBLISHED claim and it keeps its status (published changes reach readers only through a
// re-publish with a reason, which records a correction). But an approved or published claim
// must always satisfy the approval requirements: an edit that would clear its verdict,
// empty its rationale or remove its last source is refused; request changes first.

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  DRAFT: ["IN_REVIEW"],
  IN_REVIEW: ["DRAFT", "APPROVED"],
  APPROVED: ["IN_REVIEW", "DRAFT"],
  PUBLISHED: ["IN_REVIEW", "DRAFT"],
};

const LABEL: Record<ClaimStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", APPROVED: "Approved", PUBLISHED: "Published" };

/** What a claim still lacks to be approved, in words ("a verdict", "a rationale", "at least one source"). */
export function missingForApproval(claim: { verdictKey: string | null; rationale: string; sourceCount: number }): string[] {
  const missing: string[] = [];
  if (!claim.verdictKey) missing.push("a verdict");
  if (richTextIsEmpty(claim.rationale)) missing.push("a rationale");
  if (claim.sourceCount < 1) missing.push("at least one source");
  return missing;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function assertApprovable(claim: { verdictKey: string | null; rationale: string; sourceCount: number }): void {
  const missing = missingForApproval(claim);
  if (missing.length) {
    throw new AppError("UNPROCESSABLE", `This claim can't be approved yet: it needs ${listWords(missing)}.`, { missing });
  }
}

/** Throws when `from → to` is not a step of the workflow a client may take. */
export function assertTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (from === to) return;
  if (to === "PUBLISHED") {
    throw new AppError("UNPROCESSABLE", "Claims are published with their article: approve the claim, then publish the article.");
  }
  if (!TRANSITIONS[from].includes(to)) {
    const hint = to === "APPROVED" && from === "DRAFT" ? " Submit it for review first." : "";
    throw new AppError("UNPROCESSABLE", `A claim can't go from ${LABEL[from]} to ${LABEL[to]}.${hint}`);
  }
}

/** Approved and published claims must keep what approval required. */
export function assertStillApprovable(
  status: ClaimStatus,
  claim: { verdictKey: string | null; rationale: string; sourceCount: number },
): void {
  if (status !== "APPROVED" && status !== "PUBLISHED") return;
  const missing = missingForApproval(claim);
  if (missing.length) {
    throw new AppError(
      "UNPROCESSABLE",
      `An ${LABEL[status].toLowerCase()} claim must keep ${listWords(missing)}. Request changes (back to In review) before removing it.`,
      { missing },
    );
  }
}

export const STATUS_LABEL = LABEL;
