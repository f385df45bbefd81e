import type { CanonicalLayout, TextblockSegment, TextRange } from "./types";

// Canonical text offset <-> ProseMirror position, through layout.segments (one per textblock,
// in document order, each with runs mapping its inline content).
//
// Snapping rule: an offset strictly inside a block separator ("\n\n" between two textblocks)
// has no position of its own. With bias "start" (the start of a range, the default) it snaps
// forward to the start of the next textblock; with bias "end" (the end of a range) it snaps
// back to the end of the previous one. So a range never begins or ends on a separator and
// never covers a block it only touches. Positions between textblocks (structural positions
// around lists, blockquotes, figures) snap the same way in the other direction.

export type Bias = "start" | "end";

function segmentPmEnd(seg: TextblockSegment): number {
  const last = seg.runs[seg.runs.length - 1];
  return last ? last.pmStart + last.length : seg.pmStart;
}

/** Index of the last segment whose key is <= value, or -1. Segments are in document order. */
function lastAtOrBefore(segments: TextblockSegment[], value: number, key: (s: TextblockSegment) => number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(segments[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function offsetToPmInSegment(seg: TextblockSegment, offset: number): number {
  for (const run of seg.runs) {
    if (offset >= run.textStart && offset <= run.textStart + run.length) return run.pmStart + (offset - run.textStart);
  }
  return seg.pmStart + (offset - seg.textStart);
}

function pmToOffsetInSegment(seg: TextblockSegment, pos: number): number {
  for (const run of seg.runs) {
    if (pos >= run.pmStart && pos <= run.pmStart + run.length) return run.textStart + (pos - run.pmStart);
  }
  return seg.textStart + (pos - seg.pmStart);
}

export function textOffsetToPmPos(layout: CanonicalLayout, offset: number, bias: Bias = "start"): number {
  const { segments } = layout;
  if (segments.length === 0) return 0;
  const clamped = Math.min(Math.max(0, offset), layout.text.length);
  const i = Math.max(0, lastAtOrBefore(segments, clamped, (s) => s.textStart));
  const seg = segments[i];
  if (clamped <= seg.textEnd) return offsetToPmInSegment(seg, Math.max(clamped, seg.textStart));
  const next = segments[i + 1];
  if (bias === "start" && next) return next.pmStart;
  return segmentPmEnd(seg);
}

export function pmPosToTextOffset(layout: CanonicalLayout, pos: number, bias: Bias = "start"): number {
  const { segments } = layout;
  if (segments.length === 0) return 0;
  const i = lastAtOrBefore(segments, pos, (s) => s.pmStart);
  if (i === -1) return segments[0].textStart;
  const seg = segments[i];
  if (pos <= segmentPmEnd(seg)) return pmToOffsetInSegment(seg, pos);
  const next = segments[i + 1];
  if (bias === "start" && next) return next.textStart;
  return seg.textEnd;
}

/** A ProseMirror range [from, to) from a canonical range, snapping both ends per the rule above. */
export function textRangeToPmRange(layout: CanonicalLayout, range: TextRange): { from: number; to: number } {
  return { from: textOffsetToPmPos(layout, range.start, "start"), to: textOffsetToPmPos(layout, range.end, "end") };
}

/** A canonical range from a ProseMirror selection; collapses to an empty range if it covers no text. */
export function pmRangeToTextRange(layout: CanonicalLayout, from: number, to: number): TextRange {
  const start = pmPosToTextOffset(layout, from, "start");
  const end = pmPosToTextOffset(layout, to, "end");
  return end >= start ? { start, end } : { start, end: start };
}

/**
 * The ProseMirror pieces of a canonical range, one per textblock it touches (inline
 * decorations cannot span block boundaries). Empty pieces are dropped.
 */
export function textRangeToPmPieces(layout: CanonicalLayout, range: TextRange): Array<{ from: number; to: number }> {
  const { segments } = layout;
  const pieces: Array<{ from: number; to: number }> = [];
  if (range.end <= range.start || segments.length === 0) return pieces;
  let i = Math.max(0, lastAtOrBefore(segments, range.start, (s) => s.textStart));
  for (; i < segments.length && segments[i].textStart < range.end; i++) {
    const seg = segments[i];
    const start = Math.max(range.start, seg.textStart);
    const end = Math.min(range.end, seg.textEnd);
    if (end > start) pieces.push({ from: offsetToPmInSegment(seg, start), to: offsetToPmInSegment(seg, end) });
  }
  return pieces;
}
