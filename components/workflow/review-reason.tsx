import { RotateCcw } from "lucide-react";

/** Why a claim is back in review, shown in the claim panel and the review queue. */
export function ReviewReason({ reason }: { reason: string }) {
  return (
    <p role="note" data-testid="review-reason" className="flex items-start gap-1.5 rounded-sm bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <RotateCcw aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
      <span>{reason}</span>
    </p>
  );
}
