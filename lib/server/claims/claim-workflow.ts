import "server-only";
import { AppError } from "@/lib/errors";
import type { ClaimStatus } from "@/lib/schemas/enums";
import { approvalProblem, CLAIM_STATUS_LABEL, missingForApproval as missingParts, transitionProblem } from "@/lib/workflow/claim-workflow";
import { richTextIsEmpty } from "./sanitize";

// The server's side of the workflow rules in lib/workflow/claim-workflow.ts: the same rules,
// thrown as coded errors. Edits of approved claims are handled in ./approval.ts (they send
// the claim back to review rather than being refused).

type Parts = { verdictKey: string | null; rationale: string; sourceCount: number };
const parts = (c: Parts) => ({ verdictKey: c.verdictKey, hasRationale: !richTextIsEmpty(c.rationale), sourceCount: c.sourceCount });

/** What a claim still lacks to be approved, in words ("a verdict", "a rationale", "at least one source"). */
export function missingForApproval(claim: Parts): string[] {
  return missingParts(parts(claim));
}

export function assertApprovable(claim: Parts): void {
  const problem = approvalProblem(parts(claim));
  if (problem) throw new AppError("UNPROCESSABLE", problem, { missing: missingForApproval(claim) });
}

/** Throws when `from → to` is not a step of the workflow a client may take. */
export function assertTransition(from: ClaimStatus, to: ClaimStatus): void {
  const problem = transitionProblem(from, to);
  if (problem) throw new AppError("UNPROCESSABLE", problem);
}

export const STATUS_LABEL = CLAIM_STATUS_LABEL;
