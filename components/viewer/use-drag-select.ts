"use client";

import { useEffect, type RefObject } from "react";

// Text selection by dragging over the article, drawn by the viewer itself. In Chromium a drag
// over the server-rendered body of an article with painted claims often moved only a caret with
// the pointer (anchor and focus together), so nothing was selected and the click then opened a
// claim. The viewer keeps the press point and extends the selection to the pointer instead; a
// click without a drag selects nothing (and opens the claim under it). Double clicks (words) and
// shift-clicks keep the browser's own behaviour.

type Caret = { node: Node; offset: number };

function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Pointer movement (px) before a press becomes a drag. */
const DRAG_THRESHOLD = 3;

export function useDragSelect(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let anchor: (Caret & { x: number; y: number }) | null = null;
    const onDown = (e: MouseEvent) => {
      anchor = null;
      if (e.button !== 0 || e.detail > 1 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
      const at = caretAt(e.clientX, e.clientY);
      if (!at || !root.contains(at.node) || at.node.nodeType !== Node.TEXT_NODE) return;
      e.preventDefault();
      // What the default action would have done: leave the field being edited (it saves on blur).
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body) active.blur();
      window.getSelection()?.removeAllRanges();
      anchor = { ...at, x: e.clientX, y: e.clientY };
    };
    const onMove = (e: MouseEvent) => {
      if (!anchor) return;
      if (!(e.buttons & 1)) {
        anchor = null;
        return;
      }
      if (Math.abs(e.clientX - anchor.x) + Math.abs(e.clientY - anchor.y) < DRAG_THRESHOLD) return;
      const at = caretAt(e.clientX, e.clientY);
      if (at && root.contains(at.node)) window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, at.node, at.offset);
    };
    const onUp = () => {
      anchor = null;
    };
    root.addEventListener("mousedown", onDown);
    window.addEventListener("mousemove", onMove);
    window.addEventListener("mouseup", onUp);
    return () => {
      root.removeEventListener("mousedown", onDown);
      window.removeEventListener("mousemove", onMove);
      window.removeEventListener("mouseup", onUp);
    };
  }, [rootRef]);
}
