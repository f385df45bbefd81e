import "server-only";
import type { ApiRevision, AnchorSummary, RevisionKind } from "@/lib/schemas/revision";

export const revisionSelect = {
  number: true,
  kind: true,
  reason: true,
  contentHash: true,
  anchorSummary: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

export interface RevisionRow {
  number: number;
  kind: string;
  reason: string | null;
  contentHash: string;
  anchorSummary: string;
  createdAt: Date;
  createdBy: { id: string; name: string | null };
}

function parseSummary(json: string): AnchorSummary | null {
  try {
    const v = JSON.parse(json) as Partial<AnchorSummary>;
    return typeof v.intact === "number" ? (v as AnchorSummary) : null;
  } catch {
    return null;
  }
}

export function toApiRevision(row: RevisionRow, currentNumber: number): ApiRevision {
  return {
    number: row.number,
    kind: row.kind as RevisionKind,
    reason: row.reason,
    contentHash: row.contentHash,
    summary: parseSummary(row.anchorSummary),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    current: row.number === currentNumber,
  };
}
