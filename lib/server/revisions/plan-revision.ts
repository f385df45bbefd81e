import "server-only";
import { reanchorClaims, type ReanchorResult } from "@/lib/anchoring";
import type { TextRange } from "@/lib/anchoring/types";
import type { AnchorSummary, ClaimReanchor } from "@/lib/schemas/revision";

// What a new revision does to an article's claims, before anything is written: the pure
// re-anchoring, plus the workflow rule that a verdict is never shown against words it did not
// judge (approved or published claims whose quote changed or vanished go back to review).

export interface PlannedClaim {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: string;
  anchorState: string;
  anchorScore: number | null;
  previousExact: string | null;
  deletedAt: Date | null;
}

export interface ClaimPlan {
  claim: PlannedClaim;
  result: ReanchorResult;
  /** The state stored: a CHANGED claim not yet confirmed stays CHANGED while its new text holds. */
  state: ReanchorResult["state"];
  score: number | null;
  previousExact: string | null;
  backToReview: boolean;
}

const NEEDS_ATTENTION = new Set(["CHANGED", "ORPHANED"]);

export function planClaims(
  oldText: string,
  newText: string,
  claims: PlannedClaim[],
  proposed?: ReadonlyMap<string, TextRange>,
): { plans: ClaimPlan[]; summary: AnchorSummary } {
  const { results, summary } = reanchorClaims(
    oldText,
    newText,
    claims.map((c) => ({ id: c.id, start: c.start, end: c.end, exact: c.exact, prefix: c.prefix, suffix: c.suffix })),
    { proposed },
  );
  const plans = results.map((result, i) => {
    const claim = claims[i];
    let state = result.state;
    let score: number | null = result.state === "CHANGED" ? result.score : null;
    // The quote judged before any unconfirmed change is the one to compare against.
    let previousExact = result.previousExact === null ? null : (claim.previousExact ?? result.previousExact);
    if (!NEEDS_ATTENTION.has(state) && claim.anchorState === "CHANGED") {
      state = "CHANGED";
      score = claim.anchorScore;
      previousExact = claim.previousExact;
    }
    const backToReview = NEEDS_ATTENTION.has(result.state) && !claim.deletedAt && (claim.status === "APPROVED" || claim.status === "PUBLISHED");
    return { claim, result, state, score, previousExact, backToReview };
  });
  return { plans, summary };
}

export function toClaimReanchor(p: ClaimPlan): ClaimReanchor {
  return {
    id: p.claim.id,
    state: p.state,
    start: p.result.start,
    end: p.result.end,
    exact: p.result.exact,
    previousExact: p.previousExact,
    score: p.score ?? (p.state === "ORPHANED" ? 0 : 1),
    status: p.backToReview ? "IN_REVIEW" : p.claim.status,
    backToReview: p.backToReview,
  };
}

export function reviewReasonFor(p: ClaimPlan, revision: number): string {
  return p.result.state === "ORPHANED"
    ? `The quoted text was removed in revision ${revision}: re-anchor the claim or move it to the trash.`
    : `The quoted text changed in revision ${revision}: check the verdict against the new wording.`;
}
