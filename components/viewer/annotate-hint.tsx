"use client";

import { KeyboardHelp } from "./keyboard-help";
import { focusArticleText } from "./use-caret-browsing";

/** Moves keyboard focus to the first control of the claim panel (#claims). */
function focusClaimList(e: React.MouseEvent) {
  e.preventDefault();
  const panel = document.getElementById("claims");
  const first = panel?.querySelector<HTMLElement>("button:not([disabled]), a[href], input, [tabindex='0']");
  panel?.scrollIntoView({ block: "nearest" });
  first?.focus();
}

const SKIP =
  "sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-30 focus:rounded-md focus:bg-background focus:px-3 focus:py-1.5 focus:text-sm focus:font-medium focus:shadow-md focus:ring-2 focus:ring-ring";

/**
 * Above the article: skip links (to the claim list; into the text with a caret) and, for editors,
 * how to add a claim with the mouse or the keyboard, with the shortcut help.
 */
export function AnnotateHint({ canEdit, busy }: { canEdit: boolean; busy: boolean }) {
  return (
    <div className="relative print:hidden">
      <a href="#claims" onClick={focusClaimList} className={SKIP}>
        Skip to the claim list
      </a>
      {canEdit && (
        <a
          href="#article-text"
          onClick={(e) => {
            e.preventDefault();
            focusArticleText();
          }}
          className={SKIP}
        >
          Select text with the keyboard
        </a>
      )}
      {canEdit && (
        <div className="mb-4 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-secondary px-3 py-2 text-xs text-secondary-foreground">
          <p className="flex-1">
            Select text in the article, then choose <strong>Add claim</strong>. Keyboard: Tab into the text, Shift+arrows to select, Alt+Shift+A.
            {busy ? " Adding…" : ""}
          </p>
          <KeyboardHelp />
        </div>
      )}
    </div>
  );
}
