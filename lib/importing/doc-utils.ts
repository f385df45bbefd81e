import { canonicalText } from "@/lib/document/canonical-text";
import type { BlockNode, DocNode, InlineNode, TextNode } from "@/lib/document/types";

/** The block's text as it appears in the canonical text (textblocks joined by blank lines). */
export function blockText(block: BlockNode): string {
  return canonicalText({ type: "doc", content: [block] });
}

/** A document with at least one block (the editor needs somewhere to put the cursor). */
export function docOf(blocks: BlockNode[]): DocNode {
  return { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] };
}

export function textNode(text: string, marks?: TextNode["marks"]): TextNode {
  return marks && marks.length ? { type: "text", text, marks } : { type: "text", text };
}

function sameMarks(a: TextNode["marks"], b: TextNode["marks"]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/**
 * Tidies inline content: merges neighbouring text with the same marks, collapses spaces across
 * node boundaries, trims the ends, drops empty text and hard breaks at the edges.
 */
export function normalizeInline(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      const prev = out[out.length - 1];
      if (prev?.type === "text") prev.text = prev.text.replace(/ +$/, "");
      out.push(node);
      continue;
    }
    let text = node.text;
    const prev = out[out.length - 1];
    if (!prev || prev.type === "hardBreak" || / $/.test(prev.text)) text = text.replace(/^ +/, "");
    if (text === "") continue;
    if (prev?.type === "text" && sameMarks(prev.marks, node.marks)) prev.text += text;
    else out.push(textNode(text, node.marks));
  }
  while (out.length && out[0].type === "hardBreak") out.shift();
  while (out.length && out[out.length - 1].type === "hardBreak") out.pop();
  const last = out[out.length - 1];
  if (last?.type === "text") {
    last.text = last.text.replace(/ +$/, "");
    if (last.text === "") out.pop();
  }
  const first = out[0];
  if (first?.type === "text") first.text = first.text.replace(/^ +/, "");
  return out.filter((n) => n.type !== "text" || n.text !== "");
}

/** Removes `suffix` characters from the end of a textblock's inline content. */
export function trimInlineEnd(nodes: InlineNode[], count: number): InlineNode[] {
  const out = nodes.map((n) => ({ ...n }));
  let left = count;
  while (left > 0 && out.length) {
    const last = out[out.length - 1];
    if (last.type === "hardBreak") {
      out.pop();
      left -= 1;
      continue;
    }
    if (last.text.length <= left) {
      left -= last.text.length;
      out.pop();
    } else {
      last.text = last.text.slice(0, last.text.length - left);
      left = 0;
    }
  }
  return normalizeInline(out);
}
