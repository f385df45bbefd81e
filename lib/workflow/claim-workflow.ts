// The claim review workflow as pure rules, shared by the server (which enforces them) and the
// panel (which only offers what the server would accept). No framework, no database.
//
// DRAFT → IN_REVIEW → APPROVED, "request changes" back to IN_REVIEW or DRAFT; PUBLISHED is set
// only by publishing the article. An approval covers exactly what was approved: any change to
// an approved or published claim's statement, claimant, verdict, rationale, sources or quoted
// span sends it back to IN_REVIEW with a reason (see demotionReason).

export type WorkflowStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";

export const CLAIM_STATUS_LABEL: Record<WorkflowStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  PUBLISHED: "Published",
};

const TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  DRAFT: ["IN_REVIEW"],
  IN_REVIEW: ["DRAFT", "APPROVED"],
  APPROVED: ["IN_REVIEW", "DRAFT"],
  PUBLISHED: ["IN_REVIEW", "DRAFT"],
};

/** Statuses a client may move a claim to from `from`. */
export function nextStatuses(from: WorkflowStatus): readonly WorkflowStatus[] {
  return TRANSITIONS[from];
}

export function isApprovedStatus(status: string): boolean {
  return status === "APPROVED" || status === "PUBLISHED";
}

/** Why `from → to` is not allowed, or null when it is. */
export function transitionProblem(from: WorkflowStatus, to: WorkflowStatus): string | null {
  if (from === to) return null;
  if (to === "PUBLISHED") return "Claims are published with their article: approve the claim, then publish the article.";
  if (TRANSITIONS[from].includes(to)) return null;
  const hint = to === "APPROVED" && from === "DRAFT" ? " Submit it for review first." : "";
  return `A claim can't go from ${CLAIM_STATUS_LABEL[from]} to ${CLAIM_STATUS_LABEL[to]}.${hint}`;
}

export interface ApprovalParts {
  verdictKey: string | null;
  hasRationale: boolean;
  sourceCount: number;
}

/** What a claim still lacks to be approved, in words ("a verdict", "a rationale", "at least one source"). */
export function missingForApproval(claim: ApprovalParts): string[] {
  const missing: string[] = [];
  if (!claim.verdictKey) missing.push("a verdict");
  if (!claim.hasRationale) missing.push("a rationale");
  if (claim.sourceCount < 1) missing.push("at least one source");
  return missing;
}

export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The refusal for approving a claim with missing parts, or null when it is complete. */
export function approvalProblem(claim: ApprovalParts): string | null {
  const missing = missingForApproval(claim);
  return missing.length ? `This claim can't be approved yet: it needs ${listWords(missing)}.` : null;
}

/** True when the workspace rule forbids `userId` approving a claim written by `authorId`. */
export function selfApprovalForbidden(requireIndependentApproval: boolean, authorId: string, userId: string): boolean {
  return requireIndependentApproval && authorId === userId;
}

export const SELF_APPROVAL_MESSAGE =
  "This workspace requires approval by someone other than the claim's author. Ask a colleague to approve it (an admin can change this rule in workspace settings).";

/** The reader page's methodology line for the workspace's approval rule. */
export function approvalRuleLine(requireIndependentApproval: boolean): string {
  return requireIndependentApproval
    ? "Every verdict was approved by a second member of the desk, not by the person who wrote it."
    : "Every verdict was approved by a member of the desk before publication.";
}

/** The parts of a claim an approval covers, in the words the panel uses. */
export const APPROVAL_PARTS = ["statement", "claimant", "verdict", "rationale", "sources", "span"] as const;
export type ApprovalPart = (typeof APPROVAL_PARTS)[number];

const PART_WORD: Record<ApprovalPart, string> = {
  statement: "Statement",
  claimant: "Claimant",
  verdict: "Verdict",
  rationale: "Rationale",
  sources: "Sources",
  span: "Quoted text",
};

/** "Verdict changed after approval — needs review again" (parts in a fixed order). */
export function demotionReason(parts: readonly ApprovalPart[]): string {
  const ordered = APPROVAL_PARTS.filter((p) => parts.includes(p));
  const words = ordered.map((p, i) => (i === 0 ? PART_WORD[p] : PART_WORD[p].toLowerCase()));
  const subject = words.length ? listWords(words) : "Claim";
  return `${subject} changed after approval — needs review again`;
}

export interface ApprovedContent {
  statement: string;
  claimant: string | null;
  verdictKey: string | null;
  rationale: string;
  exact: string;
  start: number;
  end: number;
  sources: readonly {
    url: string;
    title: string | null;
    publisher: string | null;
    publishedOn: string | null;
    excerpt: string | null;
    stance: string | null;
    archiveUrl: string | null;
  }[];
}

/** The canonical text an approval hash is taken over (stable key order, sources in order). */
export function approvalCanonical(c: ApprovedContent): string {
  return JSON.stringify([
    c.statement,
    c.claimant ?? null,
    c.verdictKey ?? null,
    c.rationale,
    c.exact,
    c.start,
    c.end,
    c.sources.map((s) => [s.url, s.title ?? null, s.publisher ?? null, s.publishedOn ?? null, s.excerpt ?? null, s.stance ?? null, s.archiveUrl ?? null]),
  ]);
}

/** Which approval parts differ between two versions of a claim's content. */
export function changedApprovalParts(before: ApprovedContent, after: ApprovedContent): ApprovalPart[] {
  const parts: ApprovalPart[] = [];
  if (before.statement !== after.statement) parts.push("statement");
  if ((before.claimant ?? null) !== (after.claimant ?? null)) parts.push("claimant");
  if ((before.verdictKey ?? null) !== (after.verdictKey ?? null)) parts.push("verdict");
  if (before.rationale !== after.rationale) parts.push("rationale");
  const src = (c: ApprovedContent) => JSON.stringify(JSON.parse(approvalCanonical(c))[7]);
  if (src(before) !== src(after)) parts.push("sources");
  if (before.exact !== after.exact || before.start !== after.start || before.end !== after.end) parts.push("span");
  return parts;
}
