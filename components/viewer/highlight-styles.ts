import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import { groupHighlightName } from "./highlight-layer";

export interface HighlightGroup {
  /** CSS identifier characters only (e.g. "v0", "unrated"). */
  name: string;
  color: string;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const IDENT = /^[a-z0-9_-]+$/i;

/** `::highlight()` rules for the verdict colours of the workspace's scale (colours are validated hex). */
export function highlightStyles(groups: readonly HighlightGroup[]): string {
  return groups
    .filter((g) => IDENT.test(g.name))
    .map((g) => `::highlight(${groupHighlightName(g.name)}){background-color:${HEX_COLOR.test(g.color) ? g.color : UNRATED_COLOR};color:#111827}`)
    .join("\n");
}
