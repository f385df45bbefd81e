import { CLAIM_STATUS_LABEL, type WorkflowStatus } from "@/lib/workflow/claim-workflow";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ApiScaleVerdict } from "@/lib/schemas/claim";
import { cn } from "@/lib/utils";

export const STATUS_LABELS = CLAIM_STATUS_LABEL;
export type ClaimStatusValue = WorkflowStatus;

const STATUS_STYLES: Record<ClaimStatusValue, string> = {
  DRAFT: "border-slate-300 bg-white text-slate-700",
  IN_REVIEW: "border-amber-300 bg-amber-50 text-amber-900",
  APPROVED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  PUBLISHED: "border-blue-300 bg-blue-50 text-blue-900",
};

export function StatusBadge({ status, className }: { status: ClaimStatusValue; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-[11px] font-medium uppercase tracking-wide", STATUS_STYLES[status], className)}>
      {STATUS_LABELS[status]}
    </span>
  );
}

/** Verdict colour swatch plus its label: colour is never the only signal. */
export function VerdictChip({ verdict, className }: { verdict: ApiScaleVerdict | null | undefined; className?: string }) {
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 rounded-full border border-black/10 px-2 py-0.5 text-xs font-medium text-gray-900", className)}
      style={{ backgroundColor: verdict?.color ?? UNRATED_COLOR }}
    >
      {verdict?.label ?? "Unrated"}
    </span>
  );
}
