import type { ReportBundle } from "@/lib/schemas/report";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";

// Verdict counts shared by the PDF, DOCX, HTML and Markdown reports (and the reader page's
// "7 claims checked: 2 False, 1 Misleading" line).

export interface VerdictCount {
  /** Verdict key, or null for claims that have no verdict yet. */
  key: string | null;
  label: string;
  color: string;
  count: number;
  /** Share of all claims, 0..1. */
  share: number;
}

export interface ReportSummary {
  total: number;
  /** Every verdict of the scale in scale order (zero counts included), then "Not rated" if any. */
  counts: VerdictCount[];
  /** "7 claims checked: 2 False, 1 Misleading, 4 True" or the no-claims message. */
  sentence: string;
}

export function summarizeVerdicts(bundle: ReportBundle): ReportSummary {
  const total = bundle.claims.length;
  const byKey = new Map<string | null, number>();
  for (const claim of bundle.claims) {
    const key = claim.verdict?.key ?? null;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const scaleVerdicts = [...bundle.scale.verdicts].sort((a, b) => a.order - b.order);
  const counts: VerdictCount[] = scaleVerdicts.map((v) => ({
    key: v.key,
    label: v.label,
    color: v.color,
    count: byKey.get(v.key) ?? 0,
    share: total ? (byKey.get(v.key) ?? 0) / total : 0,
  }));
  // A claim may carry a verdict that has since left the scale (archived): still count it.
  for (const claim of bundle.claims) {
    const v = claim.verdict;
    if (v && !counts.some((c) => c.key === v.key)) {
      const count = byKey.get(v.key) ?? 0;
      counts.push({ key: v.key, label: v.label, color: v.color, count, share: count / total });
    }
  }
  const unrated = byKey.get(null) ?? 0;
  if (unrated) counts.push({ key: null, label: "Not rated", color: UNRATED_COLOR, count: unrated, share: unrated / total });

  const nonZero = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  const sentence =
    total === 0
      ? "No claims have been checked in this article."
      : `${total} claim${total === 1 ? "" : "s"} checked: ${nonZero.map((c) => `${c.count} ${c.label}`).join(", ")}`;
  return { total, counts, sentence };
}
