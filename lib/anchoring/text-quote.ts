import type { TextQuoteSelector, TextRange } from "./types";

/** Characters of context kept on each side of a quote (Hypothesis uses the same). */
export const QUOTE_CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Context never starts or ends in the middle of a surrogate pair (emoji etc.), so it stays valid Unicode. */
function contextBefore(text: string, start: number, length: number): string {
  let from = Math.max(0, start - length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  return text.slice(from, start);
}

function contextAfter(text: string, end: number, length: number): string {
  let to = Math.min(text.length, end + length);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return text.slice(end, to);
}

export function describeQuote(text: string, range: TextRange, contextLength = QUOTE_CONTEXT_LENGTH): TextQuoteSelector {
  return {
    type: "TextQuoteSelector",
    exact: text.slice(range.start, range.end),
    prefix: contextBefore(text, range.start, contextLength),
    suffix: contextAfter(text, range.end, contextLength),
  };
}
