import { anchorPosition, describePosition } from "./text-position";
import { describeQuote } from "./text-quote";
import { matchQuote } from "./match-quote";
import type { AnchoredRange, TextPositionSelector, TextQuoteSelector, Selector, TextRange } from "./types";

export type { AnchorMethod, AnchoredRange, CanonicalLayout, Selector, TextPositionSelector, TextQuoteSelector, TextRange, TextblockSegment } from "./types";
export { QUOTE_CONTEXT_LENGTH, describeQuote } from "./text-quote";
export { anchorPosition, describePosition, isRangeWithin } from "./text-position";
export { matchQuote, type MatchQuoteOptions, type QuoteContext, type QuoteMatch } from "./match-quote";
export { selectionProblem, trimRange } from "./selection";
export {
  pmPosToTextOffset,
  pmRangeToTextRange,
  textOffsetToPmPos,
  textRangeToPmPieces,
  textRangeToPmRange,
  type Bias,
} from "./pm-positions";

/** Selectors describing [start,end) of text: quote with up to 32 chars of prefix/suffix context, and position. */
export function describeRange(text: string, range: TextRange): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return { quote: describeQuote(text, range), position: describePosition(range) };
}

export interface AnchorOptions {
  /** Largest share of the quote's length allowed as edits in a fuzzy match. @default 0.1 */
  maxErrorRatio?: number;
}

/**
 * Anchors selectors in text: the position first, accepted when the text there still equals
 * the quote (or when there is no quote); otherwise the quote is searched for, exactly and then
 * approximately, with its prefix/suffix context and the stored position choosing among
 * repeats. Null when nothing matches.
 */
export function anchor(text: string, selectors: Selector[], options: AnchorOptions = {}): AnchoredRange | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");

  const positioned = position ? anchorPosition(text, position) : null;
  if (positioned && (!quote || text.slice(positioned.start, positioned.end) === quote.exact)) {
    return { ...positioned, method: "position", score: 1 };
  }
  if (!quote) return null;

  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start }, options);
  if (!match) return null;
  return { start: match.start, end: match.end, method: match.errors === 0 ? "quote" : "fuzzy", score: match.score };
}
export {
  MIN_ACCEPTED_SIMILARITY,
  reanchorClaims,
  type AnchorState,
  type ClaimAnchor,
  type ReanchorOptions,
  type ReanchorResult,
  type ReanchorSummary,
} from "./reanchor";
export { diffTexts, mapOffset, type TextDiff } from "./text-diff";
export { collapseEqual, diffSegments, type DiffSegment } from "./diff-segments";
