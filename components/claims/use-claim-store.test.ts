import { describe, expect, it } from "vitest";
import type { ClaimSummary } from "@/lib/claims/claim-index";
import { claimReducer } from "./use-claim-store";

const claim = (id: string, start: number, end = start + 5): ClaimSummary => ({
  id,
  start,
  end,
  verdict: null,
  status: "DRAFT",
  statement: null,
  claimant: null,
  assigneeId: null,
  sourceCount: 0,
  openThreadCount: 0,
  version: 1,
});

describe("claimReducer", () => {
  const state = claimReducer({ claims: [] }, { type: "reset", claims: [claim("b", 20), claim("a", 0), claim("c", 40)] });

  it("keeps document order on reset and insert", () => {
    expect(state.claims.map((c) => c.id)).toEqual(["a", "b", "c"]);
    const next = claimReducer(state, { type: "upsert", claim: claim("d", 30) });
    expect(next.claims.map((c) => c.id)).toEqual(["a", "b", "d", "c"]);
  });

  it("replaces a claim in place, or moves it when its span moved", () => {
    const rated = claimReducer(state, { type: "upsert", claim: { ...claim("b", 20), verdict: "true" } });
    expect(rated.claims.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(rated.claims[1].verdict).toBe("true");
    expect(rated.claims[0]).toBe(state.claims[0]); // other rows keep their identity
    const moved = claimReducer(state, { type: "upsert", claim: claim("b", 50) });
    expect(moved.claims.map((c) => c.id)).toEqual(["a", "c", "b"]);
  });

  it("removes a claim; removing an unknown one changes nothing", () => {
    expect(claimReducer(state, { type: "remove", id: "b" }).claims.map((c) => c.id)).toEqual(["a", "c"]);
    expect(claimReducer(state, { type: "remove", id: "zz" })).toBe(state);
  });
});
