import { parseHTML } from "linkedom";
import { safeUrl } from "@/lib/document/escape";
import type { BlockNode, DocMark, HeadingNode, InlineNode, ListItemNode } from "@/lib/document/types";
import { normalizeInline, textNode } from "./doc-utils";

// Sanitized HTML → article document. A single walk keeps a buffer of inline content that
// becomes a paragraph whenever a block element starts or ends, so mixed content such as
// <div>text<p>para</p>more</div> keeps every piece of text, in order.

type DomNode = { nodeType: number; nodeName: string; childNodes: ArrayLike<DomNode>; textContent: string | null };
type DomElement = DomNode & { getAttribute(name: string): string | null; querySelector(sel: string): DomElement | null };

const CONTAINERS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "address", "center", "details", "summary",
  "body", "li", "dd", "dt", "dl", "figcaption", "caption", "picture", "tbody", "thead", "tfoot",
]);
const HEADINGS: Record<string, HeadingNode["attrs"]["level"]> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

export interface HtmlToDocOptions {
  /** Resolves relative links and image sources. */
  baseUrl?: string | null;
  /**
   * Collects the paragraphs made from a <figcaption> whose image could not be kept (lazy-loaded,
   * no usable src): the cleaner lists them as captions instead of leaving them in the body text.
   */
  captions?: WeakSet<BlockNode>;
}

function resolveUrl(value: string | null, base: string | null | undefined, allowMailto: boolean): string | null {
  if (!value) return null;
  try {
    return safeUrl(new URL(value.trim(), base ?? undefined).toString(), { allowMailto });
  } catch {
    return null;
  }
}

const tagOf = (node: DomNode) => node.nodeName.toLowerCase();

class Walker {
  private pending: InlineNode[] = [];
  readonly blocks: BlockNode[] = [];

  constructor(
    private readonly base: string | null | undefined,
    private readonly pre = false,
    private readonly captions?: WeakSet<BlockNode>,
  ) {}

  flush(): void {
    const content = normalizeInline(this.pending);
    this.pending = [];
    if (content.length) this.blocks.push({ type: "paragraph", content });
  }

  walkChildren(node: DomNode, marks: DocMark[]): void {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) this.walk(children[i], marks);
  }

  private addText(raw: string, marks: DocMark[]): void {
    if (this.pre) {
      const lines = raw.replace(/\r\n?/g, "\n").split("\n");
      lines.forEach((line, i) => {
        if (i > 0) this.pending.push({ type: "hardBreak" });
        if (line) this.pending.push(textNode(line.replace(/\u00a0/g, " "), marks));
      });
      return;
    }
    const text = raw.replace(/[\s\u00a0]+/g, " ");
    if (text) this.pending.push(textNode(text, marks));
  }

  private inlineOf(el: DomNode, marks: DocMark[]): InlineNode[] {
    const sub = new Walker(this.base, this.pre);
    sub.walkChildren(el, marks);
    // Blocks nested in an inline-only context (a heading with a <p> inside) become its text.
    const inline: InlineNode[] = [];
    for (const block of sub.blocks) {
      if (block.type === "paragraph" || block.type === "heading") {
        if (inline.length) inline.push(textNode(" "));
        inline.push(...(block.content ?? []));
      }
    }
    if (sub.pending.length && inline.length) inline.push(textNode(" "));
    inline.push(...sub.pending);
    return normalizeInline(inline);
  }

  private blocksOf(el: DomNode): BlockNode[] {
    const sub = new Walker(this.base, this.pre);
    sub.walkChildren(el, []);
    sub.flush();
    return sub.blocks;
  }

  private figure(img: DomElement | null, caption: string | null): void {
    const src = img ? resolveUrl(img.getAttribute("src"), this.base, false) : null;
    const cap = caption?.replace(/\s+/g, " ").trim() || null;
    if (src) {
      const alt = img?.getAttribute("alt")?.replace(/\s+/g, " ").trim() || null;
      this.blocks.push({ type: "figure", attrs: { src, alt, caption: cap } });
    } else if (cap) {
      // No usable image: keep the caption as text rather than lose it (listed as a caption).
      const block: BlockNode = { type: "paragraph", content: [textNode(cap)] };
      this.captions?.add(block);
      this.blocks.push(block);
    }
  }

  walk(node: DomNode, marks: DocMark[]): void {
    if (node.nodeType === 3) {
      this.addText(node.textContent ?? "", marks);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as DomElement;
    const tag = tagOf(el);

    if (tag in HEADINGS) {
      this.flush();
      // A heading wrapped in a link (a teaser's headline) keeps the link: the cleaner reads it.
      const content = this.inlineOf(el, marks.filter((m) => m.type === "link"));
      if (content.length) this.blocks.push({ type: "heading", attrs: { level: HEADINGS[tag] }, content });
      return;
    }
    switch (tag) {
      case "br":
        this.pending.push({ type: "hardBreak" });
        return;
      case "hr":
        this.flush();
        return;
      case "strong":
      case "b":
        this.walkChildren(el, marks.some((m) => m.type === "bold") ? marks : [...marks, { type: "bold" }]);
        return;
      case "em":
      case "i":
        this.walkChildren(el, marks.some((m) => m.type === "italic") ? marks : [...marks, { type: "italic" }]);
        return;
      case "a": {
        const href = resolveUrl(el.getAttribute("href"), this.base, true);
        const rest = marks.filter((m) => m.type !== "link");
        this.walkChildren(el, href ? [...rest, { type: "link", attrs: { href } }] : marks);
        return;
      }
      case "ul":
      case "ol": {
        this.flush();
        const items: ListItemNode[] = [];
        const children = el.childNodes;
        for (let i = 0; i < children.length; i++) {
          const child = children[i];
          if (child.nodeType !== 1) continue;
          const content = tagOf(child) === "ul" || tagOf(child) === "ol" ? this.blocksOfList(child) : this.blocksOf(child);
          if (content.length) items.push({ type: "listItem", content });
        }
        if (!items.length) return;
        if (tag === "ul") this.blocks.push({ type: "bulletList", content: items });
        else {
          const start = Number.parseInt(el.getAttribute("start") ?? "1", 10);
          this.blocks.push(Number.isFinite(start) && start !== 1 ? { type: "orderedList", attrs: { start }, content: items } : { type: "orderedList", content: items });
        }
        return;
      }
      case "blockquote": {
        this.flush();
        const content = this.blocksOf(el);
        if (content.length) this.blocks.push({ type: "blockquote", content });
        return;
      }
      case "figure": {
        this.flush();
        const caption = el.querySelector("figcaption")?.textContent ?? null;
        const img = el.querySelector("img");
        if (img) this.figure(img, caption);
        else if (caption && el.querySelector("figcaption") && !el.querySelector("blockquote, table, pre")) this.figure(null, caption);
        else {
          // A figure holding a quote or table: keep its text as blocks.
          this.blocks.push(...this.blocksOf(el));
        }
        return;
      }
      case "img":
        this.flush();
        this.figure(el, null);
        return;
      case "pre": {
        this.flush();
        const sub = new Walker(this.base, true);
        sub.walkChildren(el, marks);
        sub.flush();
        this.blocks.push(...sub.blocks);
        return;
      }
      case "table": {
        this.flush();
        for (const row of rowsOf(el)) {
          const cells = row.map((cell) => this.inlineOf(cell, []));
          const content: InlineNode[] = [];
          cells.filter((c) => c.length).forEach((c, i) => {
            if (i > 0) content.push(textNode(" | "));
            content.push(...c);
          });
          const normalized = normalizeInline(content);
          if (normalized.length) this.blocks.push({ type: "paragraph", content: normalized });
        }
        return;
      }
      default:
        if (CONTAINERS.has(tag)) {
          this.flush();
          this.walkChildren(el, marks);
          this.flush();
          return;
        }
        // Any other inline element (span, code, sup, ...): its text, with the marks around it.
        this.walkChildren(el, marks);
    }
  }

  private blocksOfList(el: DomNode): BlockNode[] {
    const sub = new Walker(this.base, this.pre);
    sub.walk(el, []);
    sub.flush();
    return sub.blocks;
  }
}

function rowsOf(table: DomNode): DomNode[][] {
  const rows: DomNode[][] = [];
  const visit = (node: DomNode) => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType !== 1) continue;
      const tag = tagOf(child);
      if (tag === "tr") {
        const cells: DomNode[] = [];
        for (let j = 0; j < child.childNodes.length; j++) {
          const c = child.childNodes[j];
          if (c.nodeType === 1 && (tagOf(c) === "td" || tagOf(c) === "th")) cells.push(c);
        }
        rows.push(cells);
      } else if (tag === "thead" || tag === "tbody" || tag === "tfoot") visit(child);
      else if (tag === "caption") rows.push([child]);
    }
  };
  visit(table);
  return rows;
}

/** Converts (already sanitized) HTML to the article's top-level blocks. */
export function htmlToBlocks(html: string, options: HtmlToDocOptions = {}): BlockNode[] {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const walker = new Walker(options.baseUrl ?? null, false, options.captions);
  walker.walkChildren(document.body as unknown as DomNode, []);
  walker.flush();
  return walker.blocks;
}
