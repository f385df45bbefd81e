import { describe, expect, it } from "vitest";
import {
  approvalCanonical,
  approvalRuleLine,
  changedApprovalParts,
  demotionReason,
  missingForApproval,
  nextStatuses,
  selfApprovalForbidden,
  transitionProblem,
  type ApprovedContent,
} from "./claim-workflow";

const base: ApprovedContent = {
  statement: "Crime doubled",
  claimant: "Mayor",
  verdictKey: "false",
  rationale: "<p>Police data</p>",
  exact: "crime doubled",
  start: 10,
  end: 23,
  sources: [{ url: "https://stats.example/a", title: "Stats", publisher: null, publishedOn: null, excerpt: null, stance: "REFUTES", archiveUrl: null }],
};

describe("claim workflow (pure)", () => {
  it("steps and refusals", () => {
    expect(nextStatuses("DRAFT")).toEqual(["IN_REVIEW"]);
    expect(transitionProblem("IN_REVIEW", "APPROVED")).toBeNull();
    expect(transitionProblem("DRAFT", "APPROVED")).toMatch(/Submit it for review first/);
    expect(transitionProblem("APPROVED", "PUBLISHED")).toMatch(/published with their article/);
    expect(missingForApproval({ verdictKey: null, hasRationale: false, sourceCount: 0 })).toEqual(["a verdict", "a rationale", "at least one source"]);
  });

  it("self-approval only when the workspace allows it", () => {
    expect(selfApprovalForbidden(true, "u1", "u1")).toBe(true);
    expect(selfApprovalForbidden(true, "u1", "u2")).toBe(false);
    expect(selfApprovalForbidden(false, "u1", "u1")).toBe(false);
    expect(approvalRuleLine(true)).toMatch(/second member/);
    expect(approvalRuleLine(false)).not.toMatch(/second member/);
  });

  const edits: [string, Partial<ApprovedContent>, string][] = [
    ["statement", { statement: "Crime tripled" }, "Statement changed after approval — needs review again"],
    ["claimant", { claimant: null }, "Claimant changed after approval — needs review again"],
    ["verdict", { verdictKey: "true" }, "Verdict changed after approval — needs review again"],
    ["rationale", { rationale: "<p>Other</p>" }, "Rationale changed after approval — needs review again"],
    ["sources", { sources: [] }, "Sources changed after approval — needs review again"],
    ["span", { start: 11 }, "Quoted text changed after approval — needs review again"],
  ];
  it.each(edits)("a changed %s is named in the reason and changes the canonical form", (part, patch, reason) => {
    const after = { ...base, ...patch };
    expect(changedApprovalParts(base, after)).toEqual([part]);
    expect(demotionReason(changedApprovalParts(base, after))).toBe(reason);
    expect(approvalCanonical(after)).not.toBe(approvalCanonical(base));
  });

  it("an unchanged claim has no changed parts; several parts read as one sentence", () => {
    expect(changedApprovalParts(base, { ...base, sources: base.sources.map((s) => ({ ...s })) })).toEqual([]);
    expect(demotionReason(["rationale", "verdict"])).toBe("Verdict and rationale changed after approval — needs review again");
  });
});
