"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Keyboard selection in the read-only article text. Focused from the keyboard (Tab, or the
 * "Select text with the keyboard" link), the body takes a caret: it becomes contenteditable with
 * every edit refused, so arrows move the caret, Shift+arrows (Ctrl+Shift+arrows by word) select,
 * and Alt+Shift+A turns the selection into a claim. A mouse focus never turns it on.
 */
export function useCaretBrowsing(ref: RefObject<HTMLElement | null>, enabled: boolean) {
  const [on, setOn] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || !on) return;
    const refuse = (e: Event) => e.preventDefault();
    const keys = (e: KeyboardEvent) => {
      if (e.key === "Enter" || e.key === "Backspace" || e.key === "Delete" || (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey)) e.preventDefault();
      if (e.key === "Escape") el.blur();
    };
    for (const type of ["beforeinput", "paste", "drop", "cut", "dragstart"]) el.addEventListener(type, refuse);
    el.addEventListener("keydown", keys);
    // The caret starts at the beginning of the text unless a selection is already there.
    const sel = window.getSelection();
    if (sel && (sel.rangeCount === 0 || !el.contains(sel.anchorNode))) {
      const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
      if (first) sel.collapse(first, 0);
    }
    return () => {
      for (const type of ["beforeinput", "paste", "drop", "cut", "dragstart"]) el.removeEventListener(type, refuse);
      el.removeEventListener("keydown", keys);
    };
  }, [ref, on]);

  if (!enabled) return {};
  return {
    tabIndex: 0,
    contentEditable: on,
    suppressContentEditableWarning: true,
    spellCheck: false,
    inputMode: on ? ("none" as const) : undefined,
    "data-caret": on ? "on" : undefined,
    onFocus: (e: React.FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget && e.currentTarget.matches(":focus-visible")) setOn(true);
    },
    onBlur: (e: React.FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) setOn(false);
    },
  };
}

/** Puts keyboard focus in the article text with a caret (the skip link's and help's way in). */
export function focusArticleText(): void {
  const el = document.querySelector<HTMLElement>(".article-viewer .article-prose[tabindex]");
  el?.focus({ focusVisible: true } as FocusOptions);
}
