"use client";

import { Lightbulb, Loader2, Plus } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import type { ApiClaim } from "@/lib/schemas/claim";
import "./discovery.css";

interface Hint {
  start: number;
  end: number;
  score: number;
  reason: string;
  text: string;
}

const HIGHLIGHT = "fm-checkworthy";

/** Underlines the hinted sentences in the article viewer (found by their text), or clears them. */
function paintHints(hints: Hint[] | null) {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return;
  registry.delete(HIGHLIGHT);
  const root = document.querySelector(".article-viewer");
  if (!hints?.length || !root) return;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const all = nodes.map((n) => n.data).join("");
  const locate = (offset: number, isEnd: boolean): [Text, number] | null => {
    let seen = 0;
    for (const n of nodes) {
      if (offset < seen + n.data.length || (isEnd && offset === seen + n.data.length)) return [n, offset - seen];
      seen += n.data.length;
    }
    return null;
  };
  const ranges: Range[] = [];
  for (const h of hints) {
    const at = all.indexOf(h.text);
    const a = at >= 0 ? locate(at, false) : null;
    const b = at >= 0 ? locate(at + h.text.length, true) : null;
    if (!a || !b) continue;
    const r = document.createRange();
    r.setStart(...a);
    r.setEnd(...b);
    ranges.push(r);
  }
  registry.set(HIGHLIGHT, new HighlightCtor(...ranges));
}

/**
 * Check-worthy hints for an article without claims: the sentences most likely to hold a checkable
 * fact, underlined in the text (toggle), each with its reason and a one-click "Make claim".
 */
export function CheckWorthyHints({ articleId, onCreated }: { articleId: string; onCreated: (claim: ApiClaim) => void }) {
  const [on, setOn] = React.useState(false);
  const [hints, setHints] = React.useState<Hint[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<number | null>(null);

  React.useEffect(() => {
    if (!on) return;
    let cancelled = false;
    api<{ items: Hint[] }>("GET", `/api/v1/articles/${encodeURIComponent(articleId)}/check-worthy`).then(
      (r) => {
        if (cancelled) return;
        setHints(r.items);
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : "Could not find check-worthy sentences."),
    );
    return () => {
      cancelled = true;
    };
  }, [on, articleId]);

  React.useEffect(() => {
    paintHints(on ? hints : null);
    return () => paintHints(null);
  }, [on, hints]);

  const make = async (h: Hint) => {
    setBusy(h.start);
    try {
      const claim = await api<ApiClaim>("POST", `/api/v1/articles/${encodeURIComponent(articleId)}/claims`, {
        target: { selector: [{ type: "TextQuoteSelector", exact: h.text }, { type: "TextPositionSelector", start: h.start, end: h.end }] },
      });
      setHints((list) => (list ?? []).filter((x) => x.start !== h.start));
      onCreated(claim);
      toast.success("Claim added");
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not add the claim.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="hints-title" className="border-t border-border px-3 py-3" data-testid="check-worthy-hints">
      <div className="flex items-center gap-2">
        <h3 id="hints-title" className="flex items-center gap-1.5 text-sm font-semibold">
          <Lightbulb aria-hidden="true" className="size-4 text-amber-600" /> Check-worthy sentences
        </h3>
        <label className="ml-auto flex items-center gap-1.5 text-xs">
          <input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} className="size-4 accent-amber-600" />
          Show hints
        </label>
      </div>
      {on && error && <p className="mt-2 text-xs text-destructive">{error}</p>}
      {on && !hints && !error && (
        <p className="mt-2 flex items-center gap-2 text-xs text-muted-foreground">
          <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Reading the article…
        </p>
      )}
      {on && hints && (
        <ol className="mt-2 space-y-2" aria-label="Hinted sentences, most check-worthy first">
          {hints.length === 0 && <li className="text-xs text-muted-foreground">No sentence stands out as a checkable fact.</li>}
          {hints.map((h) => (
            <li key={h.start} className="rounded-md border border-border p-2 text-sm">
              <p className="line-clamp-3">{h.text}</p>
              <p className="mt-1 flex items-center gap-2 text-xs text-muted-foreground">
                <span>{h.reason}</span>
                <Button size="sm" variant="outline" className="ml-auto h-7 px-2 text-xs" onClick={() => make(h)} disabled={busy !== null} aria-label={`Make a claim of “${h.text.slice(0, 60)}”`}>
                  <Plus aria-hidden="true" /> Make claim
                </Button>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
