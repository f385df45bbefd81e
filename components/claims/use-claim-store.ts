"use client";

import { useCallback, useMemo, useReducer } from "react";
import { bySummaryOrder, summaryOf, type ClaimSummary } from "@/lib/claims/claim-index";
import type { ApiClaim } from "@/lib/schemas/claim";

// The article page's claims as one reducer: every change (the panel's own edits, a restore,
// later a live update from colleagues) is an action, so new sources of changes only dispatch.

export type ClaimAction =
  | { type: "upsert"; claim: ClaimSummary }
  | { type: "remove"; id: string }
  | { type: "reset"; claims: ClaimSummary[] };

export interface ClaimState {
  /** In document order. */
  claims: ClaimSummary[];
}

/** Index where `c` goes in the sorted list (binary search). */
function insertionPoint(list: readonly ClaimSummary[], c: ClaimSummary): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bySummaryOrder(list[mid], c) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function claimReducer(state: ClaimState, action: ClaimAction): ClaimState {
  switch (action.type) {
    case "reset":
      return { claims: [...action.claims].sort(bySummaryOrder) };
    case "remove": {
      const claims = state.claims.filter((c) => c.id !== action.id);
      return claims.length === state.claims.length ? state : { claims };
    }
    case "upsert": {
      const i = state.claims.findIndex((c) => c.id === action.claim.id);
      const old = i >= 0 ? state.claims[i] : null;
      if (old && old.start === action.claim.start && old.end === action.claim.end) {
        // Same place in document order: replace in place (other rows keep their identity).
        const claims = [...state.claims];
        claims[i] = action.claim;
        return { claims };
      }
      const rest = i >= 0 ? state.claims.filter((_, j) => j !== i) : [...state.claims];
      rest.splice(insertionPoint(rest, action.claim), 0, action.claim);
      return { claims: rest };
    }
  }
}

export function useClaimStore(initial: ClaimSummary[]) {
  const [state, dispatch] = useReducer(claimReducer, initial, (claims) => claimReducer({ claims: [] }, { type: "reset", claims }));
  const byId = useMemo(() => new Map(state.claims.map((c) => [c.id, c])), [state.claims]);
  const upsert = useCallback((c: ApiClaim | ClaimSummary) => dispatch({ type: "upsert", claim: "exact" in c ? summaryOf(c) : c }), []);
  const remove = useCallback((id: string) => dispatch({ type: "remove", id }), []);
  return { claims: state.claims, byId, upsert, remove, dispatch };
}
