import { BLOCK_SEPARATOR } from "@/lib/document/canonical-text";
import { lastAtOrBefore } from "@/lib/highlights/segments";

// The server-rendered article body (lib/document/render-html.ts) mapped back to canonical text
// offsets: textblocks (p, h1–h6) in document order joined by BLOCK_SEPARATOR, <br> = "\n",
// exactly as layoutDocument counts them. Built once per body; lookups are binary searches.

const TEXTBLOCKS = "p, h1, h2, h3, h4, h5, h6";

export interface TextMap {
  root: HTMLElement;
  /** The canonical text, rebuilt from the DOM (equals Article.canonicalText). */
  text: string;
  nodes: Text[];
  /** Canonical offset of each node's first character. */
  starts: number[];
  index: Map<Text, number>;
}

export function buildTextMap(root: HTMLElement): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let first = true;
  for (const block of root.querySelectorAll<HTMLElement>(TEXTBLOCKS)) {
    if (block.closest("figure")) continue;
    if (!first) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    first = false;
    const walker = root.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
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
  return { root, text: parts.join(""), nodes, starts, index: new Map(nodes.map((n, i) => [n, i])) };
}

/** The DOM point at a canonical offset (an end point prefers the end of the previous node). */
export function domPointAt(map: TextMap, offset: number, isEnd: boolean): [Text, number] | null {
  if (map.nodes.length === 0) return null;
  let i = lastAtOrBefore(map.starts, isEnd ? offset - 1 : offset);
  if (i < 0) i = 0;
  const node = map.nodes[i];
  return [node, Math.max(0, Math.min(node.data.length, offset - map.starts[i]))];
}

/** A live DOM Range over canonical [start, end). */
export function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const a = domPointAt(map, start, false);
  const b = domPointAt(map, end, true);
  if (!a || !b) return null;
  const range = map.root.ownerDocument.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** The canonical offset of a DOM boundary point (a selection end, a caret), or null outside the body. */
export function offsetOfPoint(map: TextMap, node: Node, offset: number): number | null {
  if (!map.root.contains(node) || map.nodes.length === 0) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const i = map.index.get(node as Text);
    if (i !== undefined) return map.starts[i] + offset;
  }
  // Element point (or a text node outside any textblock): the first text node at or after it.
  const probe = map.root.ownerDocument.createRange();
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    probe.selectNodeContents(map.nodes[mid]);
    if (probe.comparePoint(node, offset) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < map.nodes.length ? map.starts[lo] : map.text.length;
}

/** The canonical offset of the character under a viewport point, or null (no text there). */
export function offsetAtViewportPoint(map: TextMap, x: number, y: number): number | null {
  const doc = map.root.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  let node: Node | null = null;
  let off = 0;
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) [node, off] = [pos.offsetNode, pos.offset];
  else {
    const r = doc.caretRangeFromPoint?.(x, y);
    if (r) [node, off] = [r.startContainer, r.startOffset];
  }
  if (!node) return null;
  const at = offsetOfPoint(map, node, off);
  if (at === null) return null;
  // The caret sits between characters: keep the one whose box holds the point.
  for (const candidate of [at, at - 1]) {
    const r = rangeOf(map, candidate, candidate + 1);
    if (!r || typeof r.getClientRects !== "function") continue;
    for (const box of r.getClientRects()) {
      if (x >= box.left - 0.5 && x <= box.right + 0.5 && y >= box.top - 0.5 && y <= box.bottom + 0.5) return candidate;
    }
  }
  return null;
}
