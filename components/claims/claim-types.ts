import type { ApiClaim, ApiPerson, ApiScale } from "@/lib/schemas/claim";

/** The fields of a claim edited in the panel (autosaved together). */
export interface ClaimFields {
  statement: string;
  claimant: string;
  verdict: string | null;
  rationale: string;
  assigneeId: string | null;
}

export type ClaimField = keyof ClaimFields;

export const FIELD_LABELS: Record<ClaimField, string> = {
  statement: "Statement",
  claimant: "Claimant",
  verdict: "Verdict",
  rationale: "Rationale",
  assigneeId: "Assignee",
};

export function fieldsOf(claim: ApiClaim): ClaimFields {
  return {
    statement: claim.statement,
    claimant: claim.claimant ?? "",
    verdict: claim.verdict,
    rationale: claim.rationale,
    assigneeId: claim.assignee?.id ?? null,
  };
}

export interface PanelContext {
  workspaceId: string;
  scale: ApiScale;
  members: ApiPerson[];
  currentUser: ApiPerson;
  canEdit: boolean;
  requireIndependentApproval: boolean;
}

/** Plain text of sanitized HTML, for short previews. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li)\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export function byDocumentOrder(a: ApiClaim, b: ApiClaim): number {
  return a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
}
