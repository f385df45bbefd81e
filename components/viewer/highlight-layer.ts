import { buildSegments, claimsAt, diffClaims, overlapRanges, type Segment, type SpanClaim } from "@/lib/highlights/segments";
import { rangeOf, type TextMap } from "./text-map";

// Claim highlights painted with the CSS Custom Highlight API: one Highlight per verdict colour
// (`fm-g-<group>`), one for text under two claims or more, one for the selected claim. No DOM per
// claim; a claim's Range is created once and reused until its text range changes, and selecting
// a claim only refills the small "selected" highlight.

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
  private overlap = new Highlight();
  private selected = new Highlight();
  private segments: Segment[] = [];

  constructor(private map: TextMap) {
    this.overlap.priority = 1;
    this.selected.priority = 2;
    CSS.highlights.set(OVERLAP_HIGHLIGHT, this.overlap);
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
  }

  private group(name: string): Highlight {
    let h = this.groups.get(name);
    if (!h) {
      h = new Highlight();
      this.groups.set(name, h);
      CSS.highlights.set(groupHighlightName(name), h);
    }
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
    if (changed > 0) {
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
    this.selected.clear();
    const r = id ? this.ranges.get(id) : undefined;
    if (r) this.selected.add(r);
    return r ?? null;
  }

  rangeOf(id: string): Range | null {
    return this.ranges.get(id) ?? null;
  }

  claimsAt(offset: number): string[] {
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
