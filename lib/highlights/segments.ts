// Pure bookkeeping for the article page's highlight layer (painted with the CSS Custom
// Highlight API, components/viewer/highlight-layer.ts): the text split into segments by claim
// boundaries (hit-testing a click and finding overlaps), and the difference between two claim
// sets so that only the claims that changed get new DOM ranges.

export interface SpanClaim {
  id: string;
  start: number;
  end: number;
  /** The highlight group (one per verdict colour) the claim is painted in. */
  group: string;
}

/** A maximal piece of text covered by the same claims (ids in start order); uncovered text has none. */
export interface Segment {
  start: number;
  end: number;
  ids: string[];
}

/** Covered segments in text order, O(n log n) in the number of claims. */
export function buildSegments(claims: ReadonlyArray<Pick<SpanClaim, "id" | "start" | "end">>): Segment[] {
  const spans = claims.filter((c) => c.end > c.start);
  const events: Array<{ at: number; id: string; open: boolean }> = [];
  for (const c of spans) {
    events.push({ at: c.start, id: c.id, open: true }, { at: c.end, id: c.id, open: false });
  }
  events.sort((a, b) => a.at - b.at);
  const startOf = new Map(spans.map((c) => [c.id, c.start]));
  const open = new Set<string>();
  const out: Segment[] = [];
  let i = 0;
  while (i < events.length) {
    const at = events[i].at;
    for (; i < events.length && events[i].at === at; i++) {
      if (events[i].open) open.add(events[i].id);
      else open.delete(events[i].id);
    }
    if (open.size === 0 || i === events.length) continue;
    const ids = [...open].sort((a, b) => startOf.get(a)! - startOf.get(b)! || a.localeCompare(b));
    out.push({ start: at, end: events[i].at, ids });
  }
  return out;
}

/** Index of the segment containing `offset` (start inclusive, end exclusive), or -1. Binary search. */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The claims covering the character at `offset`. */
export function claimsAt(segments: readonly Segment[], offset: number): string[] {
  const i = segmentAt(segments, offset);
  return i < 0 ? [] : segments[i].ids;
}

/** Pieces of text covered by two claims or more, merged where they touch. */
export function overlapRanges(segments: readonly Segment[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of segments) {
    if (s.ids.length < 2) continue;
    const last = out[out.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export interface ClaimDiff {
  /** New claims, or claims whose text range moved (their old range is in `removed` too). */
  added: SpanClaim[];
  removed: SpanClaim[];
  /** Same range, other group (verdict colour): the range is reused, only its group changes. */
  regrouped: Array<{ claim: SpanClaim; from: string }>;
}

/** What changed between the painted claims and the next set, by id. */
export function diffClaims(painted: ReadonlyMap<string, SpanClaim>, next: readonly SpanClaim[]): ClaimDiff {
  const diff: ClaimDiff = { added: [], removed: [], regrouped: [] };
  const seen = new Set<string>();
  for (const c of next) {
    seen.add(c.id);
    const old = painted.get(c.id);
    if (!old) diff.added.push(c);
    else if (old.start !== c.start || old.end !== c.end) {
      diff.removed.push(old);
      diff.added.push(c);
    } else if (old.group !== c.group) diff.regrouped.push({ claim: c, from: old.group });
  }
  for (const [id, old] of painted) if (!seen.has(id)) diff.removed.push(old);
  return diff;
}

/** Offsets sorted ascending -> index of the last start ≤ offset (the text node holding it). */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
