import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { safeUrl } from "@/lib/document/escape";
import { ClaimHighlights } from "./claim-highlights";
import { Figure } from "./figure";

export { ClaimHighlights, buildClaimDecorations, claimHighlightsPluginKey, segmentHighlights, type ClaimHighlight } from "./claim-highlights";
export { Figure } from "./figure";

/**
 * The article schema (lib/document/types.ts): paragraph, heading, lists, blockquote, bold,
 * italic, link, hardBreak and figure, and nothing else, so any stored document round-trips.
 * Editing helpers that would add content (trailing node) or history are off.
 */
export function articleExtensions(): Extensions {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      dropcursor: false,
      gapcursor: false,
      undoRedo: false,
      trailingNode: false,
      listKeymap: false,
      heading: { levels: [1, 2, 3, 4, 5, 6] },
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        isAllowedUri: (url) => safeUrl(url, { allowMailto: true }) !== null,
      },
    }),
    Figure,
  ];
}

/** The read-only article viewer: the article schema plus the claim highlight layer. */
export function viewerExtensions(): Extensions {
  return [...articleExtensions(), ClaimHighlights];
}
