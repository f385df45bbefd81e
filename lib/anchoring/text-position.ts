import type { TextPositionSelector, TextRange } from "./types";

export function describePosition(range: TextRange): TextPositionSelector {
  return { type: "TextPositionSelector", start: range.start, end: range.end };
}

/** True when the range is a well-formed, non-empty span of a text of `length` code units. */
export function isRangeWithin(range: TextRange, length: number): boolean {
  const { start, end } = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= length && start < end;
}

/** The range a position selector names in `text`, or null when it no longer fits the text. */
export function anchorPosition(text: string, selector: TextPositionSelector): TextRange | null {
  const range = { start: selector.start, end: selector.end };
  return isRangeWithin(range, text.length) ? range : null;
}
