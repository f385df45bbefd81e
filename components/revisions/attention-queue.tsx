"use client";

import { useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { diffSegments } from "@/lib/anchoring/diff-segments";
import type { ApiClaim } from "@/lib/schemas/claim";
import { DiffView } from "./diff-view";
import { reanchorClaim, trashClaim } from "./revisions-api";

/**
 * "Needs attention": claims whose quoted text changed or vanished in a revision, each with a
 * word diff of the quote it had against the words now there. Accept the span found, re-select
 * the span in the text, or move the claim to the trash.
 */
export function AttentionQueue({
  claims,
  canonicalText,
  revisionNumber,
  canEdit,
  onChanged,
}: {
  claims: ApiClaim[];
  canonicalText: string;
  /** The text revision shown (spans are offsets in it). */
  revisionNumber: number;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const items = claims.filter((c) => !c.deletedAt && (c.anchor?.state === "CHANGED" || c.anchor?.state === "ORPHANED"));
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState<ApiClaim | null>(null);
  if (items.length === 0) return null;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="attention-heading" className="mb-6 rounded-lg border border-amber-300 bg-amber-50/60 p-4">
      <h2 id="attention-heading" className="text-base font-semibold">
        Needs attention <span className="text-sm font-normal text-muted-foreground">({items.length})</span>
      </h2>
      <p className="mb-3 text-sm text-muted-foreground">The article&apos;s text changed under these claims. Check each one against the words now there.</p>
      {error && <Alert variant="error" className="mb-3">{error}</Alert>}
      <ul className="grid gap-3">
        {items.map((c) => {
          const orphan = c.anchor?.state === "ORPHANED";
          const old = c.anchor?.previousExact ?? c.exact;
          return (
            <li key={c.id} className="grid gap-2 rounded-md border border-border bg-background p-3" data-testid="attention-item">
              <div className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className={orphan ? "font-semibold text-red-800" : "font-semibold text-amber-800"}>{orphan ? "Text not found" : "Quoted text changed"}</span>
                <span className="min-w-0 truncate">{c.statement}</span>
              </div>
              {orphan ? (
                <p className="text-sm">
                  It quoted: <q className="font-serif">{old}</q>
                </p>
              ) : (
                <DiffView segments={diffSegments(old, c.exact)} collapse={false} label="Old quote against the text now there" />
              )}
              {canEdit && (
                <div className="flex flex-wrap gap-2">
                  {!orphan && (
                    <Button size="sm" onClick={() => run(() => reanchorClaim(c.id, c.version, revisionNumber))}>
                      Accept new text
                    </Button>
                  )}
                  <Button size="sm" variant="outline" onClick={() => setPicking(c)}>
                    Re-anchor here…
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => run(() => trashClaim(c.id))}>
                    Move to trash
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <SpanPicker
        claim={picking}
        canonicalText={canonicalText}
        onClose={() => setPicking(null)}
        onPick={(span) => {
          const c = picking!;
          setPicking(null);
          void run(() => reanchorClaim(c.id, c.version, revisionNumber, span));
        }}
      />
    </section>
  );
}

/** The article's text as plain text, to select the words a claim is now about. */
function SpanPicker({ claim, canonicalText, onClose, onPick }: { claim: ApiClaim | null; canonicalText: string; onClose: () => void; onPick: (span: { start: number; end: number }) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const hint = useMemo(() => (claim ? Math.max(0, Math.min(claim.start, canonicalText.length)) : 0), [claim, canonicalText]);

  function readSelection() {
    const sel = window.getSelection();
    const node = ref.current?.firstChild;
    if (!sel || sel.rangeCount === 0 || !node) return setSpan(null);
    const r = sel.getRangeAt(0);
    if (r.startContainer !== node || r.endContainer !== node || r.collapsed) return setSpan(null);
    setSpan({ start: r.startOffset, end: r.endOffset });
  }

  return (
    <Dialog open={!!claim} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>Re-anchor the claim</DialogTitle>
          <DialogDescription>Select the words the claim is about now, then choose Use selection.</DialogDescription>
        </DialogHeader>
        {claim && (
          <p className="text-sm">
            It quoted: <q className="font-serif">{claim.anchor?.previousExact ?? claim.exact}</q>
          </p>
        )}
        <div
          ref={(el) => {
            ref.current = el;
            // Start near where the claim was.
            if (el && claim) el.scrollTop = (hint / Math.max(1, canonicalText.length)) * el.scrollHeight - 80;
          }}
          onMouseUp={readSelection}
          onKeyUp={readSelection}
          tabIndex={0}
          aria-label="Article text"
          className="max-h-[50vh] overflow-y-auto whitespace-pre-wrap rounded-md border border-border p-3 font-serif text-sm leading-relaxed"
          data-testid="span-picker-text"
        >
          {canonicalText}
        </div>
        {span && (
          <p className="text-sm" aria-live="polite">
            Selected: <q className="font-serif">{canonicalText.slice(span.start, span.end)}</q>
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!span} onClick={() => span && onPick(span)}>
            Use selection
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
