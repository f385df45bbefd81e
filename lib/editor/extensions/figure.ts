import { Node, mergeAttributes } from "@tiptap/core";
import { safeUrl } from "@/lib/document/escape";

// An image with its caption (lib/document/types.ts FigureNode). An atom: the caption is shown
// but is not document text, so claims cannot be anchored inside it.

export interface FigureOptions {
  /**
   * HTML attributes added to the <figure> element.
   * @default {}
   */
  HTMLAttributes: Record<string, string>;
}

export const Figure = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    // Rendered by renderHTML below (src must pass safeUrl), so none is rendered as a bare attribute.
    return {
      src: { default: null, rendered: false },
      alt: { default: null, rendered: false },
      caption: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (element) => {
          const img = element.querySelector("img");
          const caption = element.querySelector("figcaption")?.textContent?.trim() || null;
          const src = safeUrl(img?.getAttribute("src"));
          if (!src && !caption) return false;
          return { src, alt: img?.getAttribute("alt") || null, caption };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const src = safeUrl(node.attrs.src as string | null);
    const alt = (node.attrs.alt as string | null) ?? "";
    const caption = node.attrs.caption as string | null;
    const children: Array<[string, Record<string, string>] | [string, Record<string, string>, string]> = [];
    if (src) children.push(["img", { src, alt, loading: "lazy", draggable: "false" }]);
    if (caption) children.push(["figcaption", {}, caption]);
    return ["figure", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { "data-type": "figure" }), ...children];
  },
});

export default Figure;
