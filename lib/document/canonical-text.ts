import type { BlockNode, DocNode, InlineNode } from "./types";

// The canonical plain text that claims anchor into, derived deterministically from the
// document: textblocks (paragraphs and headings, wherever they are nested) in document order,
// separated by BLOCK_SEPARATOR; a hard break is "\n". Figures add no text, but a selection
// must not cross one, so their offsets are recorded.

export const BLOCK_SEPARATOR = "\n\n";

/** One textblock's place in the canonical text and in the ProseMirror document. */
export interface TextblockSegment {
  /** Offset of the block's first character in the canonical text. */
  textStart: number;
  /** Offset just past its last character. */
  textEnd: number;
  /** ProseMirror position of the block's first inline content (inside the node). */
  pmStart: number;
  /** The block's inline content as [canonical offset, pm position, length] runs. */
  runs: Array<{ textStart: number; pmStart: number; length: number }>;
}

export interface CanonicalLayout {
  text: string;
  segments: TextblockSegment[];
  /** Canonical offsets at which a figure sits between two textblocks. */
  figureOffsets: number[];
}

function inlineText(node: InlineNode): string {
  return node.type === "text" ? node.text : "\n";
}

/**
 * Walks the document once, producing the canonical text and the map from text offsets to
 * ProseMirror positions. ProseMirror positions: entering a non-leaf node costs 1, leaving
 * costs 1; a text character costs 1 (UTF-16 unit); a leaf inline (hardBreak) costs 1;
 * an atom block (figure) costs 1.
 */
export function layoutDocument(doc: DocNode): CanonicalLayout {
  const parts: string[] = [];
  const segments: TextblockSegment[] = [];
  const figureOffsets: number[] = [];
  let offset = 0;
  let first = true;

  const visitBlocks = (blocks: BlockNode[] | undefined, pos: number): number => {
    for (const block of blocks ?? []) pos = visitBlock(block, pos);
    return pos;
  };

  const visitBlock = (block: BlockNode, pos: number): number => {
    switch (block.type) {
      case "paragraph":
      case "heading": {
        if (!first) {
          parts.push(BLOCK_SEPARATOR);
          offset += BLOCK_SEPARATOR.length;
        }
        first = false;
        const seg: TextblockSegment = { textStart: offset, textEnd: offset, pmStart: pos + 1, runs: [] };
        let pm = pos + 1;
        for (const inline of block.content ?? []) {
          const t = inlineText(inline);
          seg.runs.push({ textStart: offset, pmStart: pm, length: t.length });
          parts.push(t);
          offset += t.length;
          pm += t.length;
        }
        seg.textEnd = offset;
        segments.push(seg);
        return pm + 1;
      }
      case "figure":
        figureOffsets.push(offset);
        return pos + 1;
      case "bulletList":
      case "orderedList":
        return visitBlocks(block.content as unknown as BlockNode[], pos + 1) + 1;
      case "blockquote":
        return visitBlocks(block.content, pos + 1) + 1;
      default: {
        // listItem (reached through the list cases above)
        const node = block as unknown as { content?: BlockNode[] };
        return visitBlocks(node.content, pos + 1) + 1;
      }
    }
  };

  visitBlocks(doc.content, 0);
  return { text: parts.join(""), segments, figureOffsets };
}

export function canonicalText(doc: DocNode): string {
  return layoutDocument(doc).text;
}
