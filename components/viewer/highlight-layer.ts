import { buildSegments, claimsAt, diffClaims, overlapRanges, type Segment, type SpanClaim } from "@/lib/highlights/segments";
import type { EarlyPaintState } from "./early-paint";
import { rangeOf, type TextMap } from "./text-map";

// Claim highlights painted with the CSS Custom Highlight API: one Highlight per verdict colour
// (`fm-g-<group>`), one for text under two claims or more, one for the selected claim. No DOM per
// claim; a claim's Range is created once and reused until its text range changes, and selecting
// a claim only refills the small "selected" highlight. The page's inline script (early-paint.ts)
// registers the same highlights before hydration; HighlightLayer.adopt takes them over.
//
// Chromium re-marks every registered Range after any DOM or style change anywhere in the page
// (40–55 ms a frame with 5,000 ranges), so a long article registers only the claims and overlaps
// that meet a window of text around the viewport (setWindow); the others join as it moves.

export const SELECTED_HIGHLIGHT = "fm-selected";
export const OVERLAP_HIGHLIGHT = "fm-overlap";
export const groupHighlightName = (group: string) => `fm-g-${group}`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

/** Canonical text offsets [from, to) whose claims are registered; null: the whole text. */
export type PaintWindow = { from: number; to: number } | null;

const meets = (span: { start: number; end: number }, w: PaintWindow) => span.end > span.start && (!w || (span.end > w.from && span.start < w.to));

export class HighlightLayer {
  private painted = new Map<string, SpanClaim>();
  /** Each claim's Range, made when first needed and kept while its span stays the same. */
  private ranges = new Map<string, Range>();
  /** Claims whose Range is in their group's highlight now (they meet the window). */
  private shown = new Set<string>();
  private window: PaintWindow = null;
  private groups = new Map<string, Highlight>();
  private overlap: Highlight;
  /** Text under two claims or more, and the Ranges of the pieces in the window (by "start:end"). */
  private overlapSpans: Array<{ start: number; end: number }> | null = [];
  private overlapShown = new Map<string, Range>();
  /** False while the overlap highlight holds the inline script's Ranges (not in overlapShown). */
  private overlapKnown = true;
  private selected: Highlight;
  /** Built on the first hit test after a change (null: stale). */
  private segments: Segment[] | null = [];
  private claims: readonly SpanClaim[] = [];

  /**
   * Registers the overlap and selected highlights, then one per group in `groupNames` order (the
   * order in which equal-priority highlights paint); a group not named there is added when used.
   */
  constructor(
    private map: TextMap,
    groupNames: readonly string[] = [],
    registered: Record<string, Highlight> = {},
  ) {
    this.overlap = registered[OVERLAP_HIGHLIGHT] ?? new Highlight();
    this.selected = registered[SELECTED_HIGHLIGHT] ?? new Highlight();
    this.overlap.priority = 1;
    this.selected.priority = 2;
    CSS.highlights.set(OVERLAP_HIGHLIGHT, this.overlap);
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    for (const name of groupNames) {
      const h = registered[groupHighlightName(name)];
      if (h) this.groups.set(name, h);
      this.group(name);
    }
  }

  /**
   * The layer over what the page's inline script painted, if it painted exactly `claims` (same
   * order, spans and groups): its Range objects and highlights are kept as they are. Else null
   * (and the script's highlights are unregistered).
   */
  static adopt(map: TextMap, early: EarlyPaintState, claims: readonly SpanClaim[]): HighlightLayer | null {
    const registered = early.highlights;
    const same =
      registered !== null &&
      early.groups.length === claims.length &&
      claims.every((c, i) => c.start === early.spans[2 * i] && c.end === c.start + early.spans[2 * i + 1] && c.group === early.names[early.groups[i]]);
    if (!same) {
      for (const name of Object.keys(registered ?? {})) CSS.highlights.delete(name);
      return null;
    }
    const layer = new HighlightLayer(map, early.names, registered);
    claims.forEach((c, i) => {
      const r = early.ranges[i];
      if (r) {
        layer.ranges.set(c.id, r);
        layer.shown.add(c.id);
      }
      layer.painted.set(c.id, c);
    });
    layer.claims = claims;
    layer.segments = null;
    layer.overlapSpans = null;
    layer.overlapKnown = false;
    return layer;
  }

  private group(name: string): Highlight {
    let h = this.groups.get(name);
    if (!h) {
      h = new Highlight();
      this.groups.set(name, h);
    }
    if (CSS.highlights.get(groupHighlightName(name)) !== h) CSS.highlights.set(groupHighlightName(name), h);
    return h;
  }

  /** Paints the next claim set, touching only the claims that changed. Returns how many changed. */
  update(claims: readonly SpanClaim[]): number {
    const diff = diffClaims(this.painted, claims);
    for (const old of diff.removed) {
      this.hide(old);
      this.ranges.delete(old.id);
      this.painted.delete(old.id);
    }
    for (const { claim, from } of diff.regrouped) {
      if (this.shown.has(claim.id)) {
        this.groups.get(from)?.delete(this.ranges.get(claim.id)!);
        this.group(claim.group).add(this.ranges.get(claim.id)!);
      }
      this.painted.set(claim.id, claim);
    }
    for (const claim of diff.added) {
      this.painted.set(claim.id, claim);
      if (meets(claim, this.window)) this.show(claim);
    }
    const changed = diff.added.length + diff.removed.length + diff.regrouped.length;
    this.claims = claims;
    if (diff.added.length + diff.removed.length > 0) {
      this.segments = buildSegments(claims);
      this.overlapSpans = null;
      this.syncOverlap(); // pieces that did not change keep their Range
    }
    return changed;
  }

  /**
   * Registers only the claims (and overlaps) that meet `window`; null registers all. Claims that
   * stay in or out are not touched, so moving the window by a screen re-registers a screen's worth.
   */
  setWindow(window: PaintWindow) {
    if (window === this.window || (window && this.window && window.from === this.window.from && window.to === this.window.to)) return;
    this.window = window;
    for (const claim of this.painted.values()) {
      const inside = meets(claim, window);
      if (inside && !this.shown.has(claim.id)) this.show(claim);
      else if (!inside && this.shown.has(claim.id)) this.hide(claim);
    }
    this.syncOverlap();
  }

  get paintWindow(): PaintWindow {
    return this.window;
  }

  private rangeFor(claim: SpanClaim): Range | null {
    let r = this.ranges.get(claim.id);
    if (!r && claim.end > claim.start) {
      r = rangeOf(this.map, claim.start, claim.end) ?? undefined;
      if (r) this.ranges.set(claim.id, r);
    }
    return r ?? null;
  }

  private show(claim: SpanClaim) {
    const r = this.rangeFor(claim);
    if (!r) return;
    this.group(claim.group).add(r);
    this.shown.add(claim.id);
  }

  private hide(claim: SpanClaim) {
    if (!this.shown.delete(claim.id)) return;
    this.groups.get(claim.group)?.delete(this.ranges.get(claim.id)!);
  }

  /**
   * The overlap highlight holds the pieces that meet the window. The article text never changes
   * under a Range, so a piece keeps its Range (by offsets); the script's adopted ones are replaced.
   */
  private syncOverlap() {
    this.segments ??= buildSegments(this.claims);
    this.overlapSpans ??= overlapRanges(this.segments);
    if (!this.overlapKnown) {
      this.overlapKnown = true;
      this.overlap.clear();
      this.overlapShown.clear();
    }
    const keep = new Set<string>();
    for (const o of this.overlapSpans) {
      if (!meets(o, this.window)) continue;
      const key = `${o.start}:${o.end}`;
      keep.add(key);
      if (this.overlapShown.has(key)) continue;
      const r = rangeOf(this.map, o.start, o.end);
      if (!r) continue;
      this.overlapShown.set(key, r);
      this.overlap.add(r);
    }
    for (const [key, r] of this.overlapShown) {
      if (keep.has(key)) continue;
      this.overlap.delete(r);
      this.overlapShown.delete(key);
    }
  }

  /** Marks one claim as selected (or none): only the "selected" highlight changes. */
  select(id: string | null): Range | null {
    const claim = id ? this.painted.get(id) : undefined;
    const r = claim ? (this.rangeFor(claim) ?? undefined) : undefined;
    // Unchanged: leave the registry alone (any change makes the browser redo every highlight's markers).
    if (this.selected.size === (r ? 1 : 0) && (!r || this.selected.has(r))) return r ?? null;
    this.selected.clear();
    if (r) this.selected.add(r);
    return r ?? null;
  }

  rangeOf(id: string): Range | null {
    const claim = this.painted.get(id);
    return claim ? this.rangeFor(claim) : null;
  }

  claimsAt(offset: number): string[] {
    this.segments ??= buildSegments(this.claims);
    return claimsAt(this.segments, offset);
  }

  /** Claims painted (those with text), whether or not they meet the window now. */
  get size(): number {
    let n = 0;
    for (const c of this.painted.values()) if (c.end > c.start) n++;
    return n;
  }

  /** Claims registered now (those that meet the window). */
  get shownCount(): number {
    return this.shown.size;
  }

  dispose() {
    for (const name of this.groups.keys()) CSS.highlights.delete(groupHighlightName(name));
    CSS.highlights.delete(OVERLAP_HIGHLIGHT);
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
  }
}
