"use client";

import { useEffect } from "react";

/**
 * Publishes the sticky app header's height as `--app-header-h` on <html>. On a phone the header
 * wraps to three rows, so a fixed offset would be wrong: anchors and scrollIntoView (through
 * `scroll-padding-top` in globals.css) and the claim panel's sticky header stop below it.
 */
export function HeaderOffset({ headerId }: { headerId: string }) {
  useEffect(() => {
    const header = document.getElementById(headerId);
    if (!header) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty("--app-header-h", `${Math.ceil(header.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--app-header-h");
    };
  }, [headerId]);
  return null;
}
