import { Extension } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { pmRangeToTextRange, textRangeToPmRange } from "@/lib/anchoring";
import type { TextRange } from "@/lib/anchoring/types";
import { layoutDocument } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";

// Claims followed through an in-place edit: each claim is held as a ProseMirror range and
// mapped through every transaction's step mapping, so its highlight follows the text while
// typing. On save, the mapped ranges (as canonical offsets) are the re-anchoring's proposal.

export interface TrackedClaim {
  id: string;
  /** Canonical offsets in the document the editor started from. */
  start: number;
  end: number;
}

interface TrackedRange {
  id: string;
  from: number;
  to: number;
}

export interface TrackedClaimsOptions {
  /** @default [] */
  claims: TrackedClaim[];
}

export const trackedClaimsPluginKey = new PluginKey<TrackedRange[]>("trackedClaims");

export const TrackedClaims = Extension.create<TrackedClaimsOptions>({
  name: "trackedClaims",
  addOptions() {
    return { claims: [] };
  },
  addProseMirrorPlugins() {
    const claims = this.options.claims;
    return [
      new Plugin<TrackedRange[]>({
        key: trackedClaimsPluginKey,
        state: {
          init: (_, state) => {
            const layout = layoutDocument(state.doc.toJSON() as DocNode);
            return claims.map((c) => ({ id: c.id, ...textRangeToPmRange(layout, c) }));
          },
          apply: (tr, ranges) =>
            tr.docChanged
              ? ranges.map((r) => {
                  const from = tr.mapping.map(r.from, 1);
                  return { id: r.id, from, to: Math.max(from, tr.mapping.map(r.to, -1)) };
                })
              : ranges,
        },
        props: {
          decorations: (state) => {
            const ranges = trackedClaimsPluginKey.getState(state) ?? [];
            return DecorationSet.create(
              state.doc,
              ranges.filter((r) => r.to > r.from).map((r) => Decoration.inline(r.from, r.to, { class: "fm-tracked-claim", "data-claim-id": r.id })),
            );
          },
        },
      }),
    ];
  },
});

/** The tracked claims' spans in the editor's current document, as canonical offsets. */
export function trackedClaimSpans(state: EditorState): Array<{ claimId: string } & TextRange> {
  const ranges = trackedClaimsPluginKey.getState(state) ?? [];
  const layout = layoutDocument(state.doc.toJSON() as DocNode);
  return ranges.map((r) => ({ claimId: r.id, ...pmRangeToTextRange(layout, r.from, r.to) }));
}
