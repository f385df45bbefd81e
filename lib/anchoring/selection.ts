import type { CanonicalLayout, TextRange } from "./types";

const isSpace = (ch: string) => /\s/u.test(ch);

/** The range without its leading and trailing whitespace (an all-whitespace range collapses to an empty one). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** At least a word: two letters or digits (or one ideograph, which is a word on its own). */
function meaningful(text: string): boolean {
  return /[\p{L}\p{N}][^]*[\p{L}\p{N}]/u.test(text) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
}

/**
 * Why a selection cannot become a claim, or null when it can. The range is checked as the
 * user made it and then trimmed. A figure at offset f sits between the text before f and the
 * text from f on, so a range crosses it when start < f < end.
 */
export function selectionProblem(layout: CanonicalLayout, range: TextRange): string | null {
  const { text } = layout;
  if (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end > text.length || range.start > range.end) {
    return "The selection is outside the article text. Select the text again.";
  }
  if (range.start === range.end) return "Select some text to make a claim.";
  const trimmed = trimRange(text, range);
  if (trimmed.start === trimmed.end) return "The selection holds only spaces. Select words to make a claim.";
  if (!meaningful(text.slice(trimmed.start, trimmed.end))) return "Select at least a whole word to make a claim: a single character or a punctuation mark is too little.";
  if (layout.figureOffsets.some((f) => trimmed.start < f && f < trimmed.end)) {
    return "Selections can't cross a figure. Select the text on one side of the image.";
  }
  return null;
}
