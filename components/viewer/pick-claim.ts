import type { TextRange } from "@/lib/anchoring";

/**
 * Which claim a click (or Enter) on a highlight selects. Candidates are the claims covering
 * the clicked piece; the shortest comes first since it is the one most likely aimed at, and
 * clicking again on the same spot cycles through the rest.
 */
export function pickClaim(candidateIds: string[], ranges: Map<string, TextRange>, currentId: string | null | undefined): string | null {
  const known = candidateIds.filter((id) => ranges.has(id));
  if (known.length === 0) return null;
  const length = (id: string) => ranges.get(id)!.end - ranges.get(id)!.start;
  const ordered = [...known].sort((a, b) => length(a) - length(b) || ranges.get(a)!.start - ranges.get(b)!.start || a.localeCompare(b));
  const at = currentId ? ordered.indexOf(currentId) : -1;
  return ordered[(at + 1) % ordered.length];
}
