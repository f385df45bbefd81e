import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { textOffsetToPmPos, textRangeToPmPieces } from "@/lib/anchoring";
import { layoutDocument, type CanonicalLayout } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";

// Claim highlights as ProseMirror inline decorations, never marks: claims overlap freely and
// are not part of the stored document. The highlighted ranges are cut at every claim boundary
// into segments; each segment is one decoration per textblock it touches, styled by how many
// claims cover it (data-count), with the shortest covering claim's colour on top.

export interface ClaimHighlight {
  id: string;
  /** Canonical text offsets (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** Verdict colour, #rgb or #rrggbb (anything else falls back to the unrated colour). */
  color: string;
  /** Verdict label, e.g. "False". */
  label: string;
  /** The claim statement, shown in the tooltip. */
  statement?: string;
  selected?: boolean;
}

export interface ClaimHighlightsOptions {
  /**
   * Colour used when a highlight's colour is not a hex colour.
   * @default "#dbeafe"
   */
  fallbackColor: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    claimHighlights: {
      /** Replaces the highlighted claims (canonical text offsets). */
      setClaimHighlights: (highlights: ClaimHighlight[]) => ReturnType;
    };
  }
}

export const claimHighlightsPluginKey = new PluginKey<DecorationSet>("claimHighlights");

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const MAX_DEPTH_STYLES = 4;

function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeClaim(h: ClaimHighlight): string {
  return h.statement ? `${h.label} — ${truncate(h.statement, 100)}` : h.label;
}

function overlapNote(others: number): string {
  return others > 0 ? `; +${others} overlapping claim${others === 1 ? "" : "s"}` : "";
}

interface Segment {
  start: number;
  end: number;
  /** Covering claims, shortest first. */
  claims: ClaimHighlight[];
  /** Claims that start at this segment, shortest first. */
  starting: ClaimHighlight[];
}

/** Cuts the claims' ranges at every boundary; each piece lists the claims covering all of it. */
export function segmentHighlights(highlights: ClaimHighlight[], textLength: number): Segment[] {
  const valid = highlights
    .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(textLength, h.end) }))
    .filter((h) => h.end > h.start);
  const events: Array<{ at: number; h: ClaimHighlight; open: boolean }> = [];
  for (const h of valid) events.push({ at: h.start, h, open: true }, { at: h.end, h, open: false });
  events.sort((a, b) => a.at - b.at);

  const length = (h: ClaimHighlight) => h.end - h.start;
  const byLength = (a: ClaimHighlight, b: ClaimHighlight) => length(a) - length(b) || a.start - b.start || a.id.localeCompare(b.id);
  const active = new Map<string, ClaimHighlight>();
  const segments: Segment[] = [];
  let i = 0;
  while (i < events.length) {
    const at = events[i].at;
    const starting: ClaimHighlight[] = [];
    for (; i < events.length && events[i].at === at; i++) {
      const e = events[i];
      if (e.open) {
        active.set(e.h.id, e.h);
        starting.push(e.h);
      } else active.delete(e.h.id);
    }
    if (active.size > 0 && i < events.length) {
      segments.push({ start: at, end: events[i].at, claims: [...active.values()].sort(byLength), starting: starting.sort(byLength) });
    }
  }
  return segments;
}

// ProseMirror documents are immutable: a doc's layout never changes, so it is computed once.
const layoutCache = new WeakMap<PMNode, CanonicalLayout>();
function layoutOf(doc: PMNode): CanonicalLayout {
  let layout = layoutCache.get(doc);
  if (!layout) {
    layout = layoutDocument(doc.toJSON() as DocNode);
    layoutCache.set(doc, layout);
  }
  return layout;
}

/** Builds the decorations for `highlights` over `doc` (a document in the article schema). */
export function buildClaimDecorations(doc: PMNode, highlights: ClaimHighlight[], fallbackColor = "#dbeafe"): DecorationSet {
  if (highlights.length === 0) return DecorationSet.empty;
  const layout = layoutOf(doc);
  const colorOf = (h: ClaimHighlight) => (HEX_COLOR.test(h.color) ? h.color : fallbackColor);
  const decorations: Decoration[] = [];
  // The selected claim gets one continuous frame: top and bottom lines on every piece, the
  // left edge where it starts and the right edge where it ends (an outline would box each piece).
  const chosen = highlights.find((h) => h.selected);
  const chosenFrom = chosen ? textOffsetToPmPos(layout, chosen.start, "start") : -1;
  const chosenTo = chosen ? textOffsetToPmPos(layout, chosen.end, "end") : -1;

  for (const seg of segmentHighlights(highlights, layout.text.length)) {
    const [top] = seg.claims;
    const count = seg.claims.length;
    const depth = Math.min(count, MAX_DEPTH_STYLES);
    const selected = chosen !== undefined && seg.claims.some((c) => c.id === chosen.id);
    // One darker stripe per covering claim (up to 4), drawn from the bottom edge up.
    const stripes = seg.claims
      .slice(0, MAX_DEPTH_STYLES)
      .map((c, k) => `inset 0 -${2 * (k + 1)}px 0 0 color-mix(in srgb, ${colorOf(c)} 45%, #111827)`)
      .join(", ");
    const styleWith = (frame: string[]) =>
      [
        `background-color: ${colorOf(top)}`,
        depth > 1 ? `background-image: linear-gradient(rgba(17, 24, 39, ${0.07 * (depth - 1)}), rgba(17, 24, 39, ${0.07 * (depth - 1)}))` : "",
        `box-shadow: ${[...frame, stripes].join(", ")}`,
      ]
        .filter(Boolean)
        .join("; ");
    const style = styleWith([]);

    const attrs: Record<string, string> = {
      class: `claim-hl claim-hl--d${depth}${selected ? " claim-hl--selected" : ""}`,
      style,
      "data-claim-ids": seg.claims.map((c) => c.id).join(" "),
      "data-count": String(count),
      title: `${describeClaim(top)}${overlapNote(count - 1)}`,
    };
    if (seg.starting.length > 0) {
      // The first piece of each claim is its keyboard stop; the rest of the claim is not a tab stop.
      const [first] = seg.starting;
      attrs.role = "button";
      attrs.tabindex = "0";
      attrs["data-claim-start"] = seg.starting.map((c) => c.id).join(" ");
      attrs["aria-label"] = `Claim: ${describeClaim(first)}${overlapNote(count - 1)}`;
      if (seg.starting.some((c) => c.selected)) attrs["aria-current"] = "true";
    }

    let firstPiece = true;
    for (const piece of textRangeToPmPieces(layout, seg).flatMap((p) => splitAtTextNodes(doc, p.from, p.to))) {
      const pieceAttrs = firstPiece ? { ...attrs } : withoutKeyboardStop(attrs);
      if (selected) {
        const frame = ["inset 0 2px 0 0 #111827", "inset 0 -2px 0 0 #111827"];
        if (piece.from === chosenFrom) frame.push("inset 2px 0 0 0 #111827");
        if (piece.to === chosenTo) frame.push("inset -2px 0 0 0 #111827");
        pieceAttrs.style = styleWith(frame);
      }
      decorations.push(Decoration.inline(piece.from, piece.to, pieceAttrs, { claimIds: seg.claims.map((c) => c.id) }));
      firstPiece = false;
    }
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * ProseMirror draws an inline decoration as one span per text node (marks split text), so the
 * pieces are cut the same way here: then exactly one span carries the keyboard stop and the
 * selected claim's left/right edges land on its first and last spans only.
 */
function splitAtTextNodes(doc: PMNode, from: number, to: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      const a = Math.max(from, pos);
      const b = Math.min(to, pos + node.nodeSize);
      if (b > a) out.push({ from: a, to: b });
    }
    return !node.isInline;
  });
  return out;
}

function withoutKeyboardStop(attrs: Record<string, string>): Record<string, string> {
  const rest = { ...attrs };
  delete rest.role;
  delete rest.tabindex;
  delete rest["aria-label"];
  delete rest["aria-current"];
  delete rest["data-claim-start"];
  return rest;
}

export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: "claimHighlights",

  addOptions() {
    return { fallbackColor: "#dbeafe" };
  },

  addCommands() {
    return {
      setClaimHighlights:
        (highlights) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(claimHighlightsPluginKey, highlights).setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { fallbackColor } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: claimHighlightsPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const highlights = tr.getMeta(claimHighlightsPluginKey) as ClaimHighlight[] | undefined;
            if (highlights) return buildClaimDecorations(tr.doc, highlights, fallbackColor);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations(state) {
            return claimHighlightsPluginKey.getState(state);
          },
        },
      }),
    ];
  },
});

export default ClaimHighlights;
