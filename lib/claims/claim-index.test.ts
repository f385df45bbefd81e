import { describe, expect, it } from "vitest";
import type { ApiClaim } from "@/lib/schemas/claim";
import { decodeClaimIndex, encodeClaimIndex, INDEX_STATEMENT_MAX, packSpans, statementReader, summaryOf, unpackSpans, type ClaimSummary } from "./claim-index";

const text = "Mr Putin said the troops would stay.\n\nOfficials   disagreed.";
const at = (s: string) => text.indexOf(s);

const claims: ClaimSummary[] = [
  { id: "c1", start: 0, end: at(" would"), verdict: "false", status: "DRAFT", statement: null, claimant: "Putin", assigneeId: "u1", sourceCount: 2, openThreadCount: 0, version: 1 },
  { id: "c2", start: at("troops"), end: at("troops") + 6, verdict: null, status: "IN_REVIEW", statement: "Troops stay", claimant: null, assigneeId: null, sourceCount: 0, openThreadCount: 3, version: 4 },
  { id: "c3", start: at("Officials"), end: text.length - 1, verdict: "false", status: "PUBLISHED", statement: null, claimant: "Putin", assigneeId: "u1", sourceCount: 0, openThreadCount: 0, version: 1 },
];

describe("claim index", () => {
  it("decodes what it encoded", () => {
    expect(decodeClaimIndex(encodeClaimIndex(claims))).toEqual(claims);
    expect(decodeClaimIndex(encodeClaimIndex([]))).toEqual([]);
  });

  it("packs spans as start after the previous start, then length (short numbers in document order), and unpacks them", () => {
    const spans = [
      { start: 41_200, end: 41_230 },
      { start: 41_212, end: 41_290 },
      { start: 41_300, end: 41_301 },
    ];
    expect(packSpans(spans)).toEqual([41_200, 30, 12, 78, 88, 1]);
    expect(unpackSpans(packSpans(spans))).toEqual([41_200, 30, 41_212, 78, 41_300, 1]);
    // Out of order still round-trips (a negative step).
    const shuffled = [spans[2], spans[0], spans[1]];
    expect(unpackSpans(packSpans(shuffled))).toEqual(shuffled.flatMap((s) => [s.start, s.end - s.start]));
    expect(packSpans([])).toEqual([]);
  });

  it("stores each verdict, claimant and assignee once, and default statements not at all", () => {
    const index = encodeClaimIndex(claims);
    expect(index.verdicts).toEqual(["false"]);
    expect(index.claimants).toEqual(["Putin"]);
    expect(index.assignees).toEqual(["u1"]);
    expect(index.statements).toEqual([[1, "Troops stay"]]);
    expect(index.threads).toEqual([[1, 3]]);
  });

  it("derives default statements from the text (the sentence, as a new claim gets), keeps written ones", () => {
    const read = statementReader(text);
    expect(read(claims[0])).toBe("Mr Putin said the troops would stay");
    expect(read(claims[2])).toBe("Officials disagreed");
    expect(read(claims[1])).toBe("Troops stay");
  });

  it("summarises an API claim, the statement shortened for the list", () => {
    const base = { id: "c9", start: 0, end: 8, exact: "Mr Putin", verdict: "true", status: "APPROVED", claimant: null, sources: [{}, {}], openThreadCount: 1, version: 3, assignee: { id: "u2", name: "Erin" } };
    expect(summaryOf({ ...base, statement: "Mr Putin" } as unknown as ApiClaim)).toEqual({
      id: "c9",
      start: 0,
      end: 8,
      verdict: "true",
      status: "APPROVED",
      statement: "Mr Putin",
      claimant: null,
      assigneeId: "u2",
      sourceCount: 2,
      openThreadCount: 1,
      version: 3,
    });
    const long = "x".repeat(400);
    expect(summaryOf({ ...base, statement: long } as unknown as ApiClaim).statement).toHaveLength(INDEX_STATEMENT_MAX);
  });
});
