import { buildSegments, claimsAt, diffClaims, overlapRanges, type Segment, type SpanClaim } from "@/lib/highlights/segments";
import type { EarlyPaintState } from "./early-paint";
import { rangeOf, type TextMap } from "./text-map";

// Claim highlights painted with the CSS Custom Highlight API: one Highlight per verdict colour
// (`fm-g-<group>`), one for text under two claims or more, one for the selected claim. No DOM per
// claim; a claim's Range is created once and reused until its text range changes, and selecting
// a claim only refills the small "selected" highlight. The page's inline script (early-paint.ts)
// registers the same highlights before hydration; HighlightLayer.adopt takes them over.

export const SELECTED_HIGHLIGHT = "fm-selected";
export const OVERLAP_HIGHLIGHT = "fm-overlap";
export const groupHighlightName = (group: string) => `fm-g-${group}`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

export class HighlightLayer {
  private painted = new Map<string, SpanClaim>();
  private ranges = new Map<string, Range>();
  private groups = new Map<string, Highlight>();
  private overlap: Highlight;
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
      if (r) layer.ranges.set(c.id, r);
      layer.painted.set(c.id, c);
    });
    layer.claims = claims;
    layer.segments = null;
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
      const r = this.ranges.get(old.id);
      if (r) this.groups.get(old.group)?.delete(r);
      this.ranges.delete(old.id);
      this.painted.delete(old.id);
    }
    for (const { claim, from } of diff.regrouped) {
      const r = this.ranges.get(claim.id);
      if (r) {
        this.groups.get(from)?.delete(r);
        this.group(claim.group).add(r);
      }
      this.painted.set(claim.id, claim);
    }
    for (const claim of diff.added) {
      const r = claim.end > claim.start ? rangeOf(this.map, claim.start, claim.end) : null;
      if (r) {
        this.ranges.set(claim.id, r);
        this.group(claim.group).add(r);
      }
      this.painted.set(claim.id, claim);
    }
    const changed = diff.added.length + diff.removed.length + diff.regrouped.length;
    this.claims = claims;
    if (diff.added.length + diff.removed.length > 0) {
      this.segments = buildSegments(claims);
      this.overlap.clear();
      for (const o of overlapRanges(this.segments)) {
        const r = rangeOf(this.map, o.start, o.end);
        if (r) this.overlap.add(r);
      }
    }
    return changed;
  }

  /** Marks one claim as selected (or none): only the "selected" highlight changes. */
  select(id: string | null): Range | null {
    const r = id ? this.ranges.get(id) : undefined;
    // Unchanged: leave the registry alone (any change makes the browser redo every highlight's markers).
    if (this.selected.size === (r ? 1 : 0) && (!r || this.selected.has(r))) return r ?? null;
    this.selected.clear();
    if (r) this.selected.add(r);
    return r ?? null;
  }

  rangeOf(id: string): Range | null {
    return this.ranges.get(id) ?? null;
  }

  claimsAt(offset: number): string[] {
    this.segments ??= buildSegments(this.claims);
    return claimsAt(this.segments, offset);
  }

  get size(): number {
    return this.ranges.size;
  }

  dispose() {
    for (const name of this.groups.keys()) CSS.highlights.delete(groupHighlightName(name));
    CSS.highlights.delete(OVERLAP_HIGHLIGHT);
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
  }
}
