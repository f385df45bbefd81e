// W3C Web Annotation selectors over the article's canonical text (lib/document/canonical-text.ts).
// Offsets are UTF-16 code units; `end` is exclusive.

export type { CanonicalLayout, TextblockSegment } from "@/lib/document/canonical-text";

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface TextRange {
  start: number;
  end: number;
}

export type AnchorMethod = "position" | "quote" | "fuzzy";

/** Where selectors landed in a text, how they were found and how confident the match is (0..1). */
export interface AnchoredRange extends TextRange {
  method: AnchorMethod;
  score: number;
}
