import { AppError } from "@/lib/errors";
import { contrastRatio, HIGHLIGHT_TEXT_COLOR } from "@/lib/scale/default-scale";
import { slugify } from "@/lib/slugify";

// Pure checks on a rating scale, shared by the editor's live preview and updateRatingScale.

export const MIN_CONTRAST = 4.5;

export interface ContrastCheck {
  ratio: number;
  passes: boolean;
}

/** WCAG AA check of highlight text (#111827) over a verdict colour. */
export function checkVerdictContrast(color: string): ContrastCheck {
  const ratio = contrastRatio(color, HIGHLIGHT_TEXT_COLOR);
  return { ratio: Math.round(ratio * 100) / 100, passes: ratio >= MIN_CONTRAST };
}

/** A stable key from a label: "Mostly false" → "mostly-false". */
export function slugifyVerdictKey(label: string): string {
  return slugify(label, "verdict");
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface ScaleShape {
  bestRating: number;
  worstRating: number;
  verdicts: ReadonlyArray<{ label: string; color: string; ratingValue: number | null; archived: boolean }>;
}

/** Every problem of a scale, each a sentence that says what to change. Empty when valid. */
export function scaleProblems(scale: ScaleShape): string[] {
  const problems: string[] = [];
  if (scale.worstRating >= scale.bestRating) {
    problems.push(`The worst rating (${scale.worstRating}) must be lower than the best rating (${scale.bestRating}).`);
  }
  const seen = new Map<string, string>();
  for (const v of scale.verdicts) {
    const folded = v.label.trim().toLowerCase();
    if (seen.has(folded)) problems.push(`Two verdicts are labelled “${v.label}”. Give each verdict a different label.`);
    seen.set(folded, v.label);
    const contrast = checkVerdictContrast(v.color);
    if (!contrast.passes) {
      problems.push(
        `“${v.label}”: text on ${v.color} has a contrast of ${contrast.ratio.toFixed(2)}:1; WCAG AA needs at least ${MIN_CONTRAST}:1. Choose a lighter colour.`,
      );
    }
    if (v.ratingValue !== null && scale.worstRating < scale.bestRating && (v.ratingValue < scale.worstRating || v.ratingValue > scale.bestRating)) {
      problems.push(
        `“${v.label}”: rating value ${v.ratingValue} is outside the scale ${scale.worstRating}–${scale.bestRating}. Use a value in that range or leave it empty.`,
      );
    }
  }
  if (!scale.verdicts.some((v) => !v.archived)) problems.push("Keep at least one verdict that is not archived, or claims cannot be rated.");
  return problems;
}

export function assertValidScale(scale: ScaleShape): void {
  const problems = scaleProblems(scale);
  if (problems.length) throw new AppError("VALIDATION_ERROR", problems.join(" "), { problems });
}
