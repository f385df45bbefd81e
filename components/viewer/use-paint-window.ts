import { useEffect, type RefObject } from "react";
import type { HighlightLayer, PaintWindow } from "./highlight-layer";
import type { TextMap } from "./text-map";

// A long article registers only the highlights near the viewport (see highlight-layer.ts): with
// every Range registered, Chromium spends 40–55 ms of each frame after any DOM change (opening a
// claim's panel) re-marking 5,000 of them. Below WINDOWED_FROM claims all are registered.

export const WINDOWED_FROM = 1_000;

/**
 * Canonical offsets of the text nodes whose boxes meet viewport heights [top, bottom) (px; may lie
 * off screen). Two binary searches over the map's nodes, which are in reading order.
 */
export function textBetween(map: TextMap, top: number, bottom: number): { from: number; to: number } {
  const n = map.nodes.length;
  const probe = map.root.ownerDocument.createRange();
  const box = (i: number) => {
    probe.selectNodeContents(map.nodes[i]);
    return probe.getBoundingClientRect();
  };
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).top < bottom) lo = mid + 1;
    else hi = mid;
  }
  if (lo <= first) return { from: first < n ? map.starts[first] : map.text.length, to: first < n ? map.starts[first] : map.text.length };
  return { from: map.starts[first], to: map.starts[lo - 1] + map.nodes[lo - 1].data.length };
}

/** The window to register: 1½ screens above and below the viewport. */
export function paintWindowNow(map: TextMap): PaintWindow {
  const h = window.innerHeight;
  return textBetween(map, -1.5 * h, 2.5 * h);
}

/**
 * While `windowed`, moves the layer's window when the text within half a screen of the viewport
 * leaves it (checked once a frame while scrolling or resizing), so a screen of scrolling
 * re-registers about a screen of highlights; otherwise registers every claim.
 */
export function usePaintWindow(mapRef: RefObject<TextMap | null>, layerRef: RefObject<HighlightLayer | null>, windowed: boolean, html: string) {
  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    if (!windowed) {
      layer.setWindow(null);
      return;
    }
    let frame = 0;
    const check = () => {
      frame = 0;
      const h = window.innerHeight;
      const need = textBetween(map, -h / 2, 1.5 * h);
      const now = layer.paintWindow;
      if (now && need.from >= now.from && need.to <= now.to) return;
      layer.setWindow(paintWindowNow(map));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    // A printout shows every highlight.
    const printAll = () => layer.setWindow(null);
    check();
    // Capture: the article may scroll inside a box rather than the page.
    document.addEventListener("scroll", schedule, { passive: true, capture: true });
    window.addEventListener("resize", schedule);
    window.addEventListener("beforeprint", printAll);
    window.addEventListener("afterprint", schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
      window.removeEventListener("beforeprint", printAll);
      window.removeEventListener("afterprint", schedule);
    };
  }, [mapRef, layerRef, windowed, html]);
}
