// The article document: Tiptap/ProseMirror JSON in a small, fixed schema.
// Node and mark names follow Tiptap's StarterKit so the viewer reads it unchanged.

export type MarkType = "bold" | "italic" | "link";

export interface DocMark {
  type: MarkType;
  attrs?: { href?: string };
}

export interface TextNode {
  type: "text";
  text: string;
  marks?: DocMark[];
}

export interface HardBreakNode {
  type: "hardBreak";
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: "paragraph";
  content?: InlineNode[];
}

export interface HeadingNode {
  type: "heading";
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content?: InlineNode[];
}

export interface ListItemNode {
  type: "listItem";
  content: BlockNode[];
}

export interface BulletListNode {
  type: "bulletList";
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: "orderedList";
  attrs?: { start?: number };
  content: ListItemNode[];
}

export interface BlockquoteNode {
  type: "blockquote";
  content: BlockNode[];
}

/** An image with its caption. An atom: its caption is shown but is not part of the canonical text. */
export interface FigureNode {
  type: "figure";
  attrs: { src: string; alt?: string | null; caption?: string | null };
}

export type TextblockNode = ParagraphNode | HeadingNode;
export type BlockNode = TextblockNode | BulletListNode | OrderedListNode | BlockquoteNode | FigureNode;

export interface DocNode {
  type: "doc";
  content: BlockNode[];
}

export const EMPTY_DOC: DocNode = { type: "doc", content: [{ type: "paragraph" }] };
