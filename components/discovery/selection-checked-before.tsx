"use client";

import { History, Loader2 } from "lucide-react";
import * as React from "react";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/api-client";
import type { ApiScaleVerdict } from "@/lib/schemas/claim";
import type { ApiSimilarClaim } from "@/lib/schemas/claim-link";
import { EarlierClaimRow } from "./earlier-claim-row";

/** Wait this long after the selection stops changing before asking (a drag changes it every frame). */
export const SELECTION_LOOKUP_DELAY_MS = 250;
/** Shorter selections are too vague to compare. */
const MIN_CHARS = 12;

/**
 * "Checked before?" while the editor is still selecting: the workspace's earlier claims most like
 * the selected text (editors only; the API refuses readers), shown under the "Add claim" button.
 * Lookups wait for the selection to settle and a newer selection cancels the older request.
 * Choosing one adds the claim linked to the earlier one, with its check copied in as a draft.
 */
export function SelectionCheckedBefore({
  articleId,
  text,
  verdicts,
  onUse,
}: {
  articleId: string;
  /** The selected text (trimmed). */
  text: string;
  verdicts: ApiScaleVerdict[];
  /** Add the claim for the selection, linked to `earlier` with its check copied in. */
  onUse: (earlier: ApiSimilarClaim) => void;
}) {
  const [state, setState] = React.useState<{ text: string; items: ApiSimilarClaim[] | null; error: string | null }>({ text: "", items: null, error: null });
  const query = text.trim().slice(0, 1000);

  React.useEffect(() => {
    if (query.length < MIN_CHARS) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const q = new URLSearchParams({ text: query, limit: "3" });
      api<{ items: ApiSimilarClaim[] }>("GET", `/api/v1/articles/${encodeURIComponent(articleId)}/similar-claims?${q}`, undefined, controller.signal).then(
        (r) => setState({ text: query, items: r.items, error: null }),
        (e: unknown) => {
          if ((e as Error).name === "AbortError") return;
          setState({ text: query, items: null, error: e instanceof ApiError ? e.message : "Could not look for earlier checks." });
        },
      );
    }, SELECTION_LOOKUP_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [articleId, query]);

  if (query.length < MIN_CHARS) return null;
  const current = state.text === query;

  return (
    <section
      aria-label="Checked before?"
      data-testid="selection-checked-before"
      className="mt-1.5 w-[22rem] max-w-[calc(100vw-2rem)] rounded-md border border-border bg-background p-2 font-sans text-xs shadow-md"
    >
      <p className="flex items-center gap-1.5 font-semibold text-foreground">
        <History aria-hidden="true" className="size-3.5 text-muted-foreground" /> Checked before?
      </p>
      {!current ? (
        <p className="mt-1 flex items-center gap-1.5 text-muted-foreground" role="status">
          <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Looking for earlier checks…
        </p>
      ) : state.error ? (
        <p className="mt-1 text-destructive">{state.error}</p>
      ) : !state.items?.length ? (
        <p className="mt-1 text-muted-foreground" role="status">
          No similar claims in other articles of this workspace.
        </p>
      ) : (
        <ol className="mt-1 space-y-1.5" aria-label="Earlier claims like the selection">
          {state.items.map((s) => (
            <EarlierClaimRow key={s.id} claim={s} verdicts={verdicts} compact>
              <Button
                variant="outline"
                size="sm"
                className="mt-1 h-6 px-2 text-xs"
                onMouseDown={(e) => e.preventDefault()} // keep the text selection
                onClick={() => onUse(s)}
                aria-label={`Add claim linked to “${s.statement}” and copy its check`}
                title="Adds the claim for your selection, linked to this earlier claim, with its verdict, rationale and sources copied in as a draft"
              >
                Add claim with this check
              </Button>
            </EarlierClaimRow>
          ))}
        </ol>
      )}
    </section>
  );
}
