// Claim highlights painted before React hydrates the article page. The server-rendered body is
// followed by a small inline script (this function's source and the claims' spans and colour
// groups, written by ArticleViewer during server rendering) that maps the body to canonical
// offsets, creates one DOM Range per claim and registers the CSS Custom Highlights exactly as
// HighlightLayer does (one per verdict group, the overlap and the selected claim on top). When
// React hydrates, the viewer adopts that state (the same Range objects) instead of rebuilding it.
//
// `earlyPaint` is sent as source text (Function.prototype.toString): it must not use anything
// from outside its own body, and keeps to plain loops (no spread, no for…of) so that no compiler
// helper can appear in it. Its text map must equal buildTextMap's (text-map.ts; a unit test
// compares them).

import { groupHighlightName, OVERLAP_HIGHLIGHT, SELECTED_HIGHLIGHT } from "./highlight-layer";

/** What the inline script paints: claims in the viewer's order. */
export interface EarlyPaintData {
  /** packSpans of the claims (lib/claims/claim-index.ts): start − the previous claim's start, then end − start. */
  spans: number[];
  /** Per claim: index into `names`. */
  groups: number[];
  /** Highlight group names (verdict colours), registered in this order. */
  names: string[];
}

/** What the inline script leaves for the viewer (window.__fmEarlyPaint). */
export interface EarlyPaintState {
  root: HTMLElement;
  text: string;
  nodes: Text[];
  starts: number[];
  /** Per claim (EarlyPaintData order): its range, null for an empty span. */
  ranges: Array<Range | null>;
  /** Per claim: its start and end (to check that the viewer paints the same claims). */
  spans: number[];
  groups: number[];
  names: string[];
  /** Highlights by registered name; absent without the CSS Custom Highlight API. */
  highlights: Record<string, Highlight> | null;
}

export const EARLY_PAINT_GLOBAL = "__fmEarlyPaint";
export const PAINTED_MARK = "fm:highlights-painted";

type Names = { separator: string; blocks: string; global: string; mark: string; overlap: string; selected: string; prefix: string };

/** Runs in the page, right after the article body (see the header comment). */
export function earlyPaint(rootId: string, d: EarlyPaintData, k: Names): void {
  const root = document.getElementById(rootId);
  if (!root) return;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let first = true;
  const blocks = root.querySelectorAll(k.blocks);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.closest("figure")) continue;
    if (!first) {
      parts.push(k.separator);
      offset += k.separator.length;
    }
    first = false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const t = n as Text;
        if (t.data.length === 0) continue;
        nodes.push(t);
        starts.push(offset);
        parts.push(t.data);
        offset += t.data.length;
      } else if ((n as Element).tagName === "BR") {
        parts.push("\n");
        offset += 1;
      }
    }
  }
  const count = d.groups.length;
  // Unpacked as unpackSpans does: start, then end − start, per claim.
  const spans: number[] = [];
  let at = 0;
  for (let i = 0; i < d.spans.length; i += 2) {
    at += d.spans[i];
    spans.push(at, d.spans[i + 1]);
  }
  const state: EarlyPaintState = { root, text: parts.join(""), nodes, starts, ranges: [], spans, groups: d.groups, names: d.names, highlights: null };
  (window as unknown as Record<string, unknown>)[k.global] = state;
  const mark = () => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark(k.mark);
        root.setAttribute("data-highlights-painted", "");
      }),
    );
  };
  if (typeof CSS === "undefined" || !("highlights" in CSS) || typeof Highlight === "undefined") {
    mark();
    return;
  }

  // The text node holding a canonical offset (an end point prefers the end of the previous node).
  const point = (at: number, isEnd: boolean): [Text, number] => {
    const probe = isEnd ? at - 1 : at;
    let lo = 0;
    let hi = starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= probe) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const node = nodes[found];
    return [node, Math.max(0, Math.min(node.data.length, at - starts[found]))];
  };
  const range = (start: number, end: number): Range | null => {
    if (nodes.length === 0) return null;
    const a = point(start, false);
    const z = point(end, true);
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(z[0], z[1]);
    return r;
  };

  const highlights: Record<string, Highlight> = {};
  const overlap = new Highlight();
  overlap.priority = 1;
  const selected = new Highlight();
  selected.priority = 2;
  highlights[k.overlap] = overlap;
  highlights[k.selected] = selected;
  CSS.highlights.set(k.overlap, overlap);
  CSS.highlights.set(k.selected, selected);
  const groups: Highlight[] = [];
  for (let g = 0; g < d.names.length; g++) {
    const h = new Highlight();
    groups.push(h);
    highlights[k.prefix + d.names[g]] = h;
    CSS.highlights.set(k.prefix + d.names[g], h);
  }
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = spans[2 * i];
    const end = start + spans[2 * i + 1];
    const r = end > start ? range(start, end) : null;
    state.ranges.push(r);
    if (r) {
      groups[d.groups[i]].add(r);
      order.push(i);
    }
  }
  // Text under two claims or more, merged where pieces touch: sweeping the claims by start, each
  // claim's overlap with those before it is [start, min(end, furthest end so far)).
  order.sort((a, b) => spans[2 * a] - spans[2 * b] || spans[2 * a + 1] - spans[2 * b + 1]);
  let furthest = -1;
  let from = -1;
  let to = -1;
  for (let j = 0; j < order.length; j++) {
    const start = spans[2 * order[j]];
    const end = start + spans[2 * order[j] + 1];
    if (furthest > start) {
      const stop = Math.min(end, furthest);
      if (from >= 0 && start <= to) to = Math.max(to, stop);
      else {
        if (from >= 0) overlap.add(range(from, to)!);
        from = start;
        to = stop;
      }
    }
    furthest = Math.max(furthest, end);
  }
  if (from >= 0) overlap.add(range(from, to)!);
  state.highlights = highlights;
  mark();
}

const NAMES: Names = {
  separator: "\n\n",
  blocks: "p, h1, h2, h3, h4, h5, h6",
  global: EARLY_PAINT_GLOBAL,
  mark: PAINTED_MARK,
  overlap: OVERLAP_HIGHLIGHT,
  selected: SELECTED_HIGHLIGHT,
  prefix: groupHighlightName(""),
};

/** JSON safe inside a <script> element (no "</script>", no "<!--"). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The inline script's text: paints `data` over the element `rootId`. */
export function earlyPaintScript(rootId: string, data: EarlyPaintData): string {
  return `(${earlyPaint.toString()})(${scriptJson(rootId)},${scriptJson(data)},${scriptJson(NAMES)})`;
}

/** The painted state for `root`, once (the global is cleared); null if the script did not paint it. */
export function takeEarlyPaint(root: HTMLElement): EarlyPaintState | null {
  const w = window as unknown as Record<string, EarlyPaintState | undefined>;
  const state = w[EARLY_PAINT_GLOBAL];
  if (!state) return null;
  delete w[EARLY_PAINT_GLOBAL];
  return state.root === root ? state : null;
}
