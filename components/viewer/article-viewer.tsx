"use client";

import { MessageSquarePlus } from "lucide-react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describeRange, selectionProblem, trimRange, type TextPositionSelector, type TextQuoteSelector, type TextRange } from "@/lib/anchoring";
import { packSpans } from "@/lib/claims/claim-index";
import type { SpanClaim } from "@/lib/highlights/segments";
import { cn } from "@/lib/utils";
import { earlyPaintScript, PAINTED_MARK, takeEarlyPaint, type EarlyPaintData, type EarlyPaintState } from "./early-paint";
import { HighlightLayer, highlightApiAvailable } from "./highlight-layer";
import { highlightStyles, type HighlightGroup } from "./highlight-styles";
import { pickClaim } from "./pick-claim";
import { useDragSelect } from "./use-drag-select";
import { buildTextMap, offsetAtViewportPoint, offsetOfPoint, type TextMap } from "./text-map";
import { useCaretBrowsing } from "./use-caret-browsing";
import { BODY_ID } from "./use-article-body";
import "./viewer.css";

export { VerdictLegend, type VerdictLegendProps } from "./verdict-legend";
export { pickClaim } from "./pick-claim";
export type { HighlightGroup } from "./highlight-styles";

export interface ViewerHighlight extends SpanClaim {
  label: string;
}

export interface NewClaimSelection {
  start: number;
  end: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface ArticleViewerProps {
  /** The article body rendered on the server (renderDocumentHtml), without claim markup. */
  html: string;
  /** The body's key (use-article-body.ts): a full page load's client finds the body's HTML by it. */
  bodyKey?: string;
  /** Canonical offsets of figures (selections must not cross one). */
  figureOffsets: number[];
  highlights: ViewerHighlight[];
  /** The colour of each highlight group (verdict). */
  groups: HighlightGroup[];
  /** Scrolled into view and marked when it changes. */
  selectedClaimId?: string | null;
  /** Spoken with the selected claim's verdict. */
  selectedStatement?: string;
  /** Click on highlighted text; with several overlapping, the shortest first, repeated clicks cycle. */
  onSelectClaim?: (id: string) => void;
  /** Shows the "Add claim" affordance for text selections. */
  canAnnotate?: boolean;
  onCreateClaim?: (selection: NewClaimSelection) => void;
  /**
   * Shown under "Add claim" while text is selected (e.g. earlier checks of it): gets the selected
   * text and `take`, which ends the selection and hands it over as a new claim's selection.
   */
  selectionExtra?: (text: string, take: () => NewClaimSelection | null) => React.ReactNode;
  /** The canonical text, read back from the body once it is mapped (equals Article.canonicalText). */
  onTextReady?: (text: string) => void;
  /**
   * The page's CSP nonce: the server-rendered body is followed by an inline script that paints
   * the highlights before hydration (early-paint.ts). Without it, highlights wait for React.
   */
  nonce?: string;
  className?: string;
}

interface PendingSelection {
  range: TextRange;
  /** The selected text (trimmed). */
  text: string;
  /** As a new claim's selection (when there is no problem). */
  selection: NewClaimSelection | null;
  problem: string | null;
  /** Where to float the affordance, relative to the viewer's box. */
  top: number;
  left: number;
}

const SHORTCUT_HINT = "Alt+Shift+A";

/** The claims as the inline script paints them (the viewer's order; groups by index). */
function earlyPaintData(highlights: readonly ViewerHighlight[], groups: readonly HighlightGroup[]): EarlyPaintData {
  const names = groups.map((g) => g.name);
  const at = new Map(names.map((n, i) => [n, i]));
  const data: EarlyPaintData = { spans: packSpans(highlights), groups: [], names };
  for (const h of highlights) {
    let g = at.get(h.group);
    if (g === undefined) {
      g = names.length;
      names.push(h.group);
      at.set(h.group, g);
    }
    data.groups.push(g);
  }
  return data;
}

function mapOfEarlyPaint(early: EarlyPaintState): TextMap {
  return { root: early.root, text: early.text, nodes: early.nodes, starts: early.starts, index: new Map(early.nodes.map((n, i) => [n, i])) };
}

/** In the frame after the next paint. */
function afterPaint(fn: () => void) {
  requestAnimationFrame(() => requestAnimationFrame(fn));
}

/** The box of the selection's last line (where the affordance floats); the wrapper's box where layout is unknown. */
function selectionEndRect(range: Range, wrapper: HTMLElement): DOMRect {
  if (typeof range.getClientRects !== "function") return wrapper.getBoundingClientRect();
  const rects = range.getClientRects();
  return rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
}

export function ArticleViewer({
  html,
  bodyKey,
  figureOffsets,
  highlights,
  groups,
  selectedClaimId = null,
  selectedStatement,
  onSelectClaim,
  canAnnotate = false,
  onCreateClaim,
  selectionExtra,
  onTextReady,
  nonce,
  className,
}: ArticleViewerProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<TextMap | null>(null);
  const layerRef = useRef<HighlightLayer | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  // Spoken by the live region: a rejected shortcut's reason, else the selected claim.
  const [notice, setNotice] = useState("");
  const caret = useCaretBrowsing(bodyRef, canAnnotate);
  const wide = Boolean(selectionExtra);
  const styles = useMemo(() => highlightStyles(groups), [groups]);
  const onTextReadyRef = useRef(onTextReady);
  useEffect(() => {
    onTextReadyRef.current = onTextReady;
  });
  useDragSelect(bodyRef);
  const ranges = useMemo(() => new Map(highlights.map((h) => [h.id, { start: h.start, end: h.end }])), [highlights]);

  // The text map is built from the server-rendered body once (or taken over from the inline
  // script that painted the highlights before hydration); the layer lives as long as it.
  const earlyRef = useRef<EarlyPaintState | null>(null);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const early = takeEarlyPaint(body);
    earlyRef.current = early;
    mapRef.current = early ? mapOfEarlyPaint(early) : buildTextMap(body);
    onTextReadyRef.current?.(mapRef.current.text);
    return () => {
      layerRef.current?.dispose();
      layerRef.current = null;
    };
  }, [html]);

  const groupNames = useMemo(() => groups.map((g) => g.name), [groups]);
  useLayoutEffect(() => {
    const map = mapRef.current;
    const body = bodyRef.current;
    if (!map || !body || !highlightApiAvailable()) return;
    let layer = layerRef.current;
    const early = earlyRef.current;
    if (!layer) {
      earlyRef.current = null;
      layer = (early && HighlightLayer.adopt(map, early, highlights)) || new HighlightLayer(map, groupNames);
      layerRef.current = layer;
      // The viewer answers clicks and selections from here on.
      afterPaint(() => performance.mark?.("fm:viewer-ready"));
    }
    layer.update(highlights);
    body.setAttribute("data-painted-claims", String(layer.size));
    // Benchmarks and tests wait for this: every claim painted, in the frame after a paint (the
    // inline script sets it itself when it painted before hydration).
    if (!early && !body.hasAttribute("data-highlights-painted")) {
      afterPaint(() => {
        performance.mark?.(PAINTED_MARK);
        body.setAttribute("data-highlights-painted", "");
      });
    }
  }, [html, highlights, groupNames]);

  useLayoutEffect(() => {
    const range = layerRef.current?.select(selectedClaimId) ?? null;
    if (!range || typeof range.getBoundingClientRect !== "function") return;
    const box = range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      window.scrollBy({ top: box.top - window.innerHeight / 2 + box.height / 2, behavior: reduce ? "auto" : "smooth" });
    }
  }, [html, highlights, selectedClaimId]);

  const selectedClaim = selectedClaimId ? highlights.find((h) => h.id === selectedClaimId) : undefined;
  const announcement =
    notice || (selectedClaim ? `Selected claim: ${selectedClaim.label}${selectedStatement ? ` — ${selectedStatement}` : ""}` : "");

  // Text selection -> pending claim (or the reason it cannot be one).
  useEffect(() => {
    if (!canAnnotate) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const sel = window.getSelection();
        const wrapper = wrapperRef.current;
        const map = mapRef.current;
        setNotice("");
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !wrapper || !map) return setPending(null);
        const dom = sel.getRangeAt(0);
        if (!dom.intersectsNode(map.root)) return setPending(null);
        const a = offsetOfPoint(map, dom.startContainer, dom.startOffset) ?? 0;
        const b = offsetOfPoint(map, dom.endContainer, dom.endOffset) ?? map.text.length;
        const raw = { start: Math.min(a, b), end: Math.max(a, b) };
        if (raw.start === raw.end) return setPending(null);
        const problem = selectionProblem({ text: map.text, segments: [], figureOffsets }, raw);
        const last = selectionEndRect(dom, wrapper);
        const box = wrapper.getBoundingClientRect();
        const range = trimRange(map.text, raw);
        const described = problem ? null : describeRange(map.text, range);
        setPending({
          range,
          text: map.text.slice(range.start, range.end),
          selection: described && { start: range.start, end: range.end, quote: described.quote, position: described.position },
          problem,
          top: last.bottom - box.top + 6,
          // Room for the button, or for the panel under it (selectionExtra).
          left: Math.max(0, Math.min(last.right - box.left - 40, box.width - (wide ? 360 : 220))),
        });
      });
    };
    window.document.addEventListener("selectionchange", update);
    return () => {
      cancelAnimationFrame(frame);
      window.document.removeEventListener("selectionchange", update);
    };
  }, [canAnnotate, figureOffsets, wide]);

  /** The pending selection as a new claim's selection; the text selection ends. */
  const take = useCallback((): NewClaimSelection | null => {
    if (!pending?.selection) return null;
    window.getSelection()?.removeAllRanges();
    setPending(null);
    return pending.selection;
  }, [pending]);

  const createClaim = useCallback(() => {
    if (!onCreateClaim) return;
    const selection = take();
    if (selection) onCreateClaim(selection);
  }, [take, onCreateClaim]);

  useEffect(() => {
    if (!canAnnotate) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === "KeyA" && pending) {
        e.preventDefault();
        if (pending.problem) setNotice(pending.problem);
        else createClaim();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canAnnotate, pending, createClaim]);

  const claimsAtPoint = (x: number, y: number): string[] => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return [];
    const at = offsetAtViewportPoint(map, x, y);
    return at === null ? [] : layer.claimsAt(at);
  };

  const onClick = (e: React.MouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the user is selecting text, not choosing a claim
    const id = pickClaim(claimsAtPoint(e.clientX, e.clientY), ranges, selectedClaimId);
    if (id) onSelectClaim?.(id);
  };

  // A pointer over highlighted text shows that it can be clicked (highlights have no element of their own).
  const hoverFrame = useRef(0);
  const onMouseMove = (e: React.MouseEvent) => {
    const { clientX, clientY } = e;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      bodyRef.current?.classList.toggle("article-prose--over-claim", claimsAtPoint(clientX, clientY).length > 0);
    });
  };

  return (
    <div ref={wrapperRef} className={cn("article-viewer relative", className)}>
      {styles && <style>{styles}</style>}
      <div
        ref={bodyRef}
        id={BODY_ID}
        data-body-key={bodyKey}
        className="article-prose"
        role="region"
        aria-label="Article text"
        {...caret}
        onClick={onClick}
        onMouseMove={onMouseMove}
        // Rendered and escaped on the server by renderDocumentHtml.
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {nonce !== undefined && (
        <script
          nonce={nonce}
          // Written on the server only: it runs once, while the page is parsed (React does not run scripts).
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: typeof window === "undefined" ? earlyPaintScript(BODY_ID, earlyPaintData(highlights, groups)) : "" }}
        />
      )}
      {canAnnotate && pending && (
        <div className="article-viewer-affordance absolute z-20" style={{ top: pending.top, left: pending.left }}>
          {pending.problem ? (
            <p role="status" className="max-w-xs rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 font-sans text-xs text-amber-900 shadow-sm">
              {pending.problem}
            </p>
          ) : (
            <button
              type="button"
              onMouseDown={(e) => e.preventDefault()} // keep the text selection
              onClick={createClaim}
              title={`Add claim (${SHORTCUT_HINT})`}
              aria-keyshortcuts="Alt+Shift+A"
              className="inline-flex items-center gap-1.5 rounded-md bg-primary px-3 py-1.5 font-sans text-sm font-medium text-primary-foreground shadow-md hover:bg-primary/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
            >
              <MessageSquarePlus aria-hidden="true" className="size-4" />
              Add claim
            </button>
          )}
          {!pending.problem && selectionExtra?.(pending.text, take)}
        </div>
      )}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}

export default ArticleViewer;
