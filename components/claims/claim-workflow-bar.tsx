"use client";

import { AlertCircle, Check, CheckCircle2, Loader2, RotateCcw, Send, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDates } from "@/components/ui/dates";
import { ReviewReason } from "@/components/workflow/review-reason";
import type { ApiClaim } from "@/lib/schemas/claim";
import { listWords } from "@/lib/workflow/claim-workflow";

// The claim editor's workflow bar: the step buttons for the claim's status, what approval still
// needs, who approved, and the autosave state.

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; message: string } | { kind: "conflict" };

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div role="status" aria-live="polite" className="flex min-h-7 items-center gap-1.5 text-xs" data-testid="save-state">
      {state.kind === "saving" && (
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> Saving…
        </span>
      )}
      {state.kind === "saved" && (
        <span className="inline-flex items-center gap-1 text-emerald-800">
          <Check className="size-3.5" aria-hidden="true" /> Saved
        </span>
      )}
      {state.kind === "conflict" && (
        <span className="inline-flex items-center gap-1 text-amber-800">
          <AlertCircle className="size-3.5" aria-hidden="true" /> Changed by someone else
        </span>
      )}
      {state.kind === "failed" && (
        <span className="inline-flex items-center gap-1 text-destructive">
          <AlertCircle className="size-3.5" aria-hidden="true" /> Failed: {state.message}
          <Button variant="outline" size="sm" className="ml-1 h-6 px-2 text-xs" onClick={onRetry}>
            <RotateCcw aria-hidden="true" /> Retry
          </Button>
        </span>
      )}
    </div>
  );
}

export function ClaimWorkflowBar({
  claim,
  save,
  onRetry,
  onTransition,
  onApprove,
  selfApproval,
  missing,
  fragmentWarning,
  workflowError,
  statementInputId,
}: {
  claim: ApiClaim;
  save: SaveState;
  onRetry: () => void;
  onTransition: (status: ApiClaim["status"]) => void;
  onApprove: (anyway: boolean) => void;
  selfApproval: boolean;
  missing: string[];
  fragmentWarning: string | null;
  workflowError: string | null;
  statementInputId: string;
}) {
  const { date } = useDates();
  return (
    <div className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      <div className="flex flex-wrap items-center gap-2">
        {claim.status === "DRAFT" && (
          <Button size="sm" onClick={() => onTransition("IN_REVIEW")}>
            <Send aria-hidden="true" /> Submit for review
          </Button>
        )}
        {claim.status === "IN_REVIEW" && (
          <>
            <Button size="sm" onClick={() => onApprove(false)} disabled={selfApproval} title={selfApproval ? "This workspace requires someone other than the author to approve" : undefined}>
              <CheckCircle2 aria-hidden="true" /> Approve
            </Button>
            <Button size="sm" variant="outline" onClick={() => onTransition("DRAFT")}>
              <Undo2 aria-hidden="true" /> Back to draft
            </Button>
          </>
        )}
        {(claim.status === "APPROVED" || claim.status === "PUBLISHED") && (
          <Button size="sm" variant="outline" onClick={() => onTransition("IN_REVIEW")}>
            <Undo2 aria-hidden="true" /> Request changes
          </Button>
        )}
        <div className="ml-auto">
          <SaveIndicator state={save} onRetry={onRetry} />
        </div>
      </div>
      {claim.status === "IN_REVIEW" && claim.reviewReason && <ReviewReason reason={claim.reviewReason} />}
      {(claim.status === "DRAFT" || claim.status === "IN_REVIEW") && missing.length > 0 && (
        <p className="text-xs text-muted-foreground">Approval needs {listWords(missing)}.</p>
      )}
      {selfApproval && claim.status === "IN_REVIEW" && <p className="text-xs text-muted-foreground">This workspace requires a colleague to approve claims you wrote.</p>}
      {claim.approvedBy && (claim.status === "APPROVED" || claim.status === "PUBLISHED") && (
        <p className="text-xs text-muted-foreground">
          Approved by {claim.approvedBy.name}
          {claim.approvedAt ? ` on ${date(claim.approvedAt)}` : ""}
        </p>
      )}
      {fragmentWarning && claim.status === "IN_REVIEW" && (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-2.5 text-sm text-amber-950">
          <p>
            {fragmentWarning} Readers see the statement as the claim&apos;s headline: reword it as a whole sentence, or approve it as it is.
          </p>
          <div className="flex gap-2">
            <Button size="sm" variant="outline" onClick={() => document.getElementById(statementInputId)?.focus()}>
              Edit the statement
            </Button>
            <Button size="sm" variant="ghost" onClick={() => onApprove(true)}>
              Approve anyway
            </Button>
          </div>
        </div>
      )}
      {workflowError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {workflowError}
        </p>
      )}
    </div>
  );
}
