"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { MessageSquarePlus } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  describeRange,
  pmRangeToTextRange,
  selectionProblem,
  trimRange,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
} from "@/lib/anchoring";
import { layoutDocument, type CanonicalLayout } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { viewerExtensions, type ClaimHighlight } from "@/lib/editor/extensions";
import { cn } from "@/lib/utils";
import { pickClaim } from "./pick-claim";
import "./viewer.css";

export { VerdictLegend, type VerdictLegendProps } from "./verdict-legend";
export { claimIdsAtPoint, pickClaim } from "./pick-claim";

export interface ViewerHighlight {
  id: string;
  start: number;
  end: number;
  color: string;
  label: string;
  statement?: string;
}

export interface NewClaimSelection {
  start: number;
  end: number;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface ArticleViewerProps {
  /** Article.document parsed. */
  document: DocNode;
  /** Article.canonicalText; must equal layoutDocument(document).text (a mismatch is logged). */
  canonicalText: string;
  highlights: ViewerHighlight[];
  /** Scrolled into view and outlined when it changes. */
  selectedClaimId?: string | null;
  /** Click/Enter on a highlight; with several overlapping, the shortest first, repeated clicks cycle. */
  onSelectClaim?: (id: string) => void;
  /** Shows the "Add claim" affordance for text selections. */
  canAnnotate?: boolean;
  onCreateClaim?: (selection: NewClaimSelection) => void;
  className?: string;
}

interface PendingSelection {
  range: TextRange;
  problem: string | null;
  /** Where to float the affordance, relative to the viewer's box. */
  top: number;
  left: number;
}

const SHORTCUT_HINT = "Alt+Shift+A";

/** The document range of a DOM selection, clamped to the editor's content; null if it does not touch it. */
function selectionToPmRange(editor: Editor, sel: Selection): { from: number; to: number; domRange: Range } | null {
  if (sel.rangeCount === 0 || sel.isCollapsed) return null;
  const domRange = sel.getRangeAt(0);
  const root = editor.view.dom;
  if (!domRange.intersectsNode(root)) return null;
  const size = editor.state.doc.content.size;
  const posAt = (node: Node, offset: number, fallback: number): number => {
    if (!root.contains(node)) return fallback;
    try {
      return editor.view.posAtDOM(node, offset);
    } catch {
      return fallback;
    }
  };
  const from = posAt(domRange.startContainer, domRange.startOffset, 0);
  const to = posAt(domRange.endContainer, domRange.endOffset, size);
  return { from: Math.min(from, to), to: Math.max(from, to), domRange };
}

/** The box of the selection's last line (where the affordance floats); the wrapper's box where layout is unknown. */
function selectionEndRect(range: Range, wrapper: HTMLElement): DOMRect {
  if (typeof range.getClientRects !== "function") return wrapper.getBoundingClientRect();
  const rects = range.getClientRects();
  return rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
}

export function ArticleViewer({
  document: doc,
  canonicalText,
  highlights,
  selectedClaimId = null,
  onSelectClaim,
  canAnnotate = false,
  onCreateClaim,
  className,
}: ArticleViewerProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  // Spoken by the live region: a rejected shortcut's reason, else the selected claim.
  const [notice, setNotice] = useState("");

  const layout: CanonicalLayout = useMemo(() => layoutDocument(doc), [doc]);
  useEffect(() => {
    if (layout.text !== canonicalText) {
      console.warn("ArticleViewer: canonicalText differs from layoutDocument(document).text; highlights may be misplaced.");
    }
  }, [layout, canonicalText]);

  const editor = useEditor({
    extensions: viewerExtensions(),
    content: doc,
    editable: false,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { class: "article-prose", role: "region", "aria-label": "Article text" } },
  });

  // A new document replaces the content (the editor was created with the first one).
  const shownDoc = useRef<DocNode | null>(null);
  useEffect(() => {
    if (!editor) return;
    if (shownDoc.current && shownDoc.current !== doc) editor.commands.setContent(doc, { emitUpdate: false });
    shownDoc.current = doc;
  }, [editor, doc]);

  const ranges = useMemo(() => new Map(highlights.map((h) => [h.id, { start: h.start, end: h.end }])), [highlights]);

  useEffect(() => {
    if (!editor) return;
    const claims: ClaimHighlight[] = highlights.map((h) => ({ ...h, selected: h.id === selectedClaimId }));
    editor.commands.setClaimHighlights(claims);
  }, [editor, doc, highlights, selectedClaimId]);

  useEffect(() => {
    if (!editor || !selectedClaimId) return;
    const el = editor.view.dom.querySelector<HTMLElement>(`[data-claim-ids~="${selectedClaimId.replace(/["\\]/g, "\\$&")}"]`);
    if (!el) return;
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    }
  }, [editor, selectedClaimId]);

  const selectedClaim = selectedClaimId ? highlights.find((h) => h.id === selectedClaimId) : undefined;
  const announcement =
    notice || (selectedClaim ? `Selected claim: ${selectedClaim.label}${selectedClaim.statement ? ` — ${selectedClaim.statement}` : ""}` : "");

  // Text selection -> pending claim (or the reason it cannot be one).
  useEffect(() => {
    if (!editor || !canAnnotate) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const sel = window.getSelection();
        const wrapper = wrapperRef.current;
        const pm = sel && wrapper ? selectionToPmRange(editor, sel) : null;
        setNotice("");
        if (!pm || !wrapper) return setPending(null);
        const raw = pmRangeToTextRange(layout, pm.from, pm.to);
        if (raw.start === raw.end) return setPending(null);
        const problem = selectionProblem(layout, raw);
        const last = selectionEndRect(pm.domRange, wrapper);
        const box = wrapper.getBoundingClientRect();
        setPending({
          range: trimRange(layout.text, raw),
          problem,
          top: last.bottom - box.top + 6,
          left: Math.max(0, Math.min(last.right - box.left - 40, box.width - 220)),
        });
      });
    };
    window.document.addEventListener("selectionchange", update);
    return () => {
      cancelAnimationFrame(frame);
      window.document.removeEventListener("selectionchange", update);
    };
  }, [editor, canAnnotate, layout]);

  const createClaim = useCallback(() => {
    if (!pending || pending.problem || !onCreateClaim) return;
    const { quote, position } = describeRange(layout.text, pending.range);
    onCreateClaim({ start: pending.range.start, end: pending.range.end, quote, position });
    window.getSelection()?.removeAllRanges();
    setPending(null);
  }, [pending, onCreateClaim, layout]);

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

  const selectFrom = (el: HTMLElement, attr: "claimIds" | "claimStart") => {
    const ids = el.dataset[attr]?.split(" ").filter(Boolean) ?? [];
    const id = pickClaim(ids, ranges, selectedClaimId);
    if (id) onSelectClaim?.(id);
  };

  const onClick = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-claim-ids]");
    if (!el) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the user is selecting text, not choosing a claim
    selectFrom(el, "claimIds");
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-claim-start]");
    if (!el) return;
    e.preventDefault();
    selectFrom(el, "claimStart");
  };

  return (
    // Clicks and keys are delegated from the highlight spans (role="button", tabindex=0) inside.
    <div ref={wrapperRef} className={cn("article-viewer relative", className)} onClick={onClick} onKeyDown={onKeyDown}>
      <EditorContent editor={editor} />
      {editor === null && <p className="text-sm text-muted-foreground">Loading article…</p>}
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
        </div>
      )}
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}

export default ArticleViewer;
