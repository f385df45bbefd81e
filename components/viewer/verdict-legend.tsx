import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import { cn } from "@/lib/utils";

export interface VerdictLegendProps {
  verdicts: Array<{ label: string; color: string }>;
  /** Label of the swatch for claims without a verdict; null hides it. @default "Unrated" */
  unratedLabel?: string | null;
  className?: string;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The verdict colours used by the highlight layer, with an "Unrated" swatch. */
export function VerdictLegend({ verdicts, unratedLabel = "Unrated", className }: VerdictLegendProps) {
  const items = unratedLabel ? [...verdicts, { label: unratedLabel, color: UNRATED_COLOR }] : verdicts;
  return (
    <ul aria-label="Verdict colours" className={cn("flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted-foreground", className)}>
      {items.map((v) => (
        <li key={`${v.label}-${v.color}`} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-5 rounded-sm border border-black/15"
            style={{ backgroundColor: HEX_COLOR.test(v.color) ? v.color : UNRATED_COLOR }}
          />
          <span>{v.label}</span>
        </li>
      ))}
    </ul>
  );
}
