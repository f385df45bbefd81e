// The rating scale every new workspace starts with. Colours are light tints chosen so the
// article text (near-black) drawn over them reaches WCAG AA contrast (checked in scale tests).

export interface VerdictDefinition {
  key: string;
  label: string;
  description: string;
  color: string;
  ratingValue: number | null;
}

export const DEFAULT_SCALE = {
  name: "Standard truth scale",
  bestRating: 5,
  worstRating: 1,
  verdicts: [
    { key: "true", label: "True", description: "The claim is accurate and nothing significant is missing.", color: "#bbf7d0", ratingValue: 5 },
    { key: "mostly-true", label: "Mostly true", description: "Accurate, but needs clarification or additional information.", color: "#d9f99d", ratingValue: 4 },
    { key: "half-true", label: "Half true", description: "Partially accurate but leaves out important details or takes things out of context.", color: "#fef08a", ratingValue: 3 },
    { key: "mostly-false", label: "Mostly false", description: "Contains an element of truth but ignores critical facts that would give a different impression.", color: "#fed7aa", ratingValue: 2 },
    { key: "false", label: "False", description: "The claim is not accurate.", color: "#fecaca", ratingValue: 1 },
    { key: "misleading", label: "Misleading", description: "Technically accurate in parts but presented so that it gives a false impression.", color: "#e9d5ff", ratingValue: 2 },
    { key: "unproven", label: "Unproven", description: "The evidence available is not enough to rate the claim.", color: "#e5e7eb", ratingValue: null },
  ] satisfies VerdictDefinition[],
} as const;

/** Neutral style for claims that have no verdict yet. */
export const UNRATED_COLOR = "#dbeafe";

/** Text colour drawn over verdict highlights. */
export const HIGHLIGHT_TEXT_COLOR = "#111827";

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
