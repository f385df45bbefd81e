"use client";

import { AlertCircle, ArrowLeft, ChevronDown, ChevronUp, Loader2, RotateCcw, Trash2 } from "lucide-react";
import { forwardRef, useEffect, useState } from "react";
import { CheckedBefore } from "@/components/discovery/checked-before";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/api-client";
import type { ClaimSummary, StatementReader } from "@/lib/claims/claim-index";
import type { ApiClaim, ApiScaleVerdict } from "@/lib/schemas/claim";
import { StatusBadge, VerdictChip } from "./claim-badges";
import { ClaimEditor } from "./claim-editor";
import type { PanelContext } from "./claim-types";

type Load = { kind: "loading" } | { kind: "ready"; claim: ApiClaim } | { kind: "failed"; message: string };

/**
 * One claim in the panel. The header (position, verdict, status, statement) shows at once from
 * the claim's summary; the editor with rationale, sources, comments and history appears when the
 * claim's details have loaded (`seed`: details the page already holds, e.g. of a claim just made).
 */
export const ClaimDetail = forwardRef<
  HTMLDivElement,
  {
    summary: ClaimSummary;
    seed: ApiClaim | null;
    statementOf: StatementReader;
    articleId: string;
    index: number;
    total: number;
    ctx: PanelContext;
    verdictOf: (key: string | null) => ApiScaleVerdict | null;
    onBack: () => void;
    onStep: (dir: 1 | -1) => void;
    onDelete: (claim: ClaimSummary) => void;
    onClaimChange: (claim: ApiClaim) => void;
  }
>(function ClaimDetail({ summary, seed, statementOf, articleId, index, total, ctx, verdictOf, onBack, onStep, onDelete, onClaimChange }, ref) {
  const [load, setLoad] = useState<Load>(() => (seed ? { kind: "ready", claim: seed } : { kind: "loading" }));
  const [attempt, setAttempt] = useState(0);
  const [editorEpoch, setEditorEpoch] = useState(0);

  useEffect(() => {
    if (seed && attempt === 0) return;
    let live = true;
    api<ApiClaim>("GET", `/api/v1/claims/${summary.id}`)
      .then((claim) => live && setLoad({ kind: "ready", claim }))
      .catch((err) => live && setLoad({ kind: "failed", message: err instanceof ApiError ? err.message : "Could not load the claim." }));
    return () => {
      live = false;
    };
    // The panel is keyed by claim: load once per claim (and per retry).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const change = (c: ApiClaim) => {
    setLoad({ kind: "ready", claim: c });
    onClaimChange(c);
  };

  return (
    <div
      ref={ref}
      // On a phone an open claim fills the screen below the app header, so it can be scrolled to the top even while it loads.
      className="flex min-h-[calc(100svh_-_var(--app-header-h,0px)_-_1rem)] flex-col lg:min-h-0 lg:overflow-y-auto"
      data-testid="claim-detail"
      data-claim-id={summary.id}
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-1 border-b border-border bg-background/95 px-3 py-2 backdrop-blur" data-testid="claim-detail-header">
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ArrowLeft aria-hidden="true" /> All claims
        </Button>
        <h2 className="ml-1 whitespace-nowrap text-xs font-normal text-muted-foreground">
          <span className="sr-only">Claim </span>
          {index >= 0 ? `${index + 1} of ${total}` : ""}
        </h2>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-1">
          <VerdictChip verdict={verdictOf(summary.verdict)} />
          <StatusBadge status={summary.status} />
          <Button variant="ghost" size="icon" className="size-8" aria-label="Previous claim (k)" title="Previous claim (k or Alt+↑)" onClick={() => onStep(-1)} disabled={index <= 0}>
            <ChevronUp aria-hidden="true" />
          </Button>
          <Button variant="ghost" size="icon" className="size-8" aria-label="Next claim (j)" title="Next claim (j or Alt+↓)" onClick={() => onStep(1)} disabled={index < 0 || index >= total - 1}>
            <ChevronDown aria-hidden="true" />
          </Button>
          {ctx.canEdit && (
            <Button variant="ghost" size="icon" className="size-8 text-destructive" aria-label="Delete claim" title="Delete claim" onClick={() => onDelete(summary)}>
              <Trash2 aria-hidden="true" />
            </Button>
          )}
        </div>
      </div>
      {load.kind === "ready" ? (
        <>
          <div className="p-4" data-claim-ready="">
            <ClaimEditor key={`${summary.id}:${editorEpoch}`} claim={load.claim} ctx={ctx} onClaimChange={change} />
          </div>
          <CheckedBefore
            claim={load.claim}
            articleId={articleId}
            verdicts={ctx.scale.verdicts}
            canEdit={ctx.canEdit}
            onCopied={(c) => {
              change(c);
              setEditorEpoch((n) => n + 1); // the editor reloads the copied fields
            }}
          />
        </>
      ) : (
        <div className="flex flex-col gap-3 p-4">
          <p className="text-sm font-medium leading-snug">{statementOf(summary)}</p>
          {load.kind === "loading" ? (
            <p role="status" className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
              <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> Loading the claim…
            </p>
          ) : (
            <p role="alert" className="inline-flex flex-wrap items-center gap-1.5 text-xs text-destructive">
              <AlertCircle className="size-3.5" aria-hidden="true" /> {load.message}
              <Button
                variant="outline"
                size="sm"
                className="h-6 px-2 text-xs"
                onClick={() => {
                  setLoad({ kind: "loading" });
                  setAttempt((n) => n + 1);
                }}
              >
                <RotateCcw aria-hidden="true" /> Retry
              </Button>
            </p>
          )}
        </div>
      )}
    </div>
  );
});
