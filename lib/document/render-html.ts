import { BLOCK_SEPARATOR } from "./canonical-text";
import { escapeHtml, safeUrl } from "./escape";
import type { BlockNode, DocMark, DocNode, InlineNode } from "./types";

// Renders the article document to HTML on the server (reader page, embed, HTML export).
// Everything is escaped; links and images must be http(s). Optional highlights are ranges
// of the canonical text: each text run is split at their boundaries and the covered pieces
// are wrapped by `wrapHighlight`, so overlapping claims stay distinguishable.

export interface HtmlHighlightRange {
  id: string;
  start: number;
  end: number;
}

export interface RenderHtmlOptions {
  highlights?: HtmlHighlightRange[];
  /** Wraps an already-escaped piece of text covered by the given highlight ids (in start order). */
  wrapHighlight?: (html: string, ids: string[]) => string;
}

function renderMarks(html: string, marks: DocMark[] | undefined): string {
  let out = html;
  for (const mark of marks ?? []) {
    if (mark.type === "bold") out = `<strong>${out}</strong>`;
    else if (mark.type === "italic") out = `<em>${out}</em>`;
    else if (mark.type === "link") {
      const href = safeUrl(mark.attrs?.href, { allowMailto: true });
      if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${out}</a>`;
    }
  }
  return out;
}

export function renderDocumentHtml(doc: DocNode, options: RenderHtmlOptions = {}): string {
  const highlights = [...(options.highlights ?? [])].filter((h) => h.end > h.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const wrap = options.wrapHighlight ?? ((html, ids) => `<mark data-claim-ids="${escapeHtml(ids.join(" "))}">${html}</mark>`);
  let offset = 0;
  let firstBlock = true;

  const renderText = (text: string, start: number): string => {
    if (highlights.length === 0) return escapeHtml(text);
    const end = start + text.length;
    const cuts = new Set<number>([start, end]);
    for (const h of highlights) {
      if (h.start > start && h.start < end) cuts.add(h.start);
      if (h.end > start && h.end < end) cuts.add(h.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = escapeHtml(text.slice(a - start, b - start));
      const ids = highlights.filter((h) => h.start <= a && h.end >= b).map((h) => h.id);
      html += ids.length ? wrap(piece, ids) : piece;
    }
    return html;
  };

  const renderInline = (nodes: InlineNode[] | undefined): string =>
    (nodes ?? [])
      .map((node) => {
        if (node.type === "hardBreak") {
          offset += 1;
          return "<br>";
        }
        const html = renderMarks(renderText(node.text, offset), node.marks);
        offset += node.text.length;
        return html;
      })
      .join("");

  const enterTextblock = () => {
    if (!firstBlock) offset += BLOCK_SEPARATOR.length;
    firstBlock = false;
  };

  const renderBlocks = (blocks: BlockNode[] | undefined): string => (blocks ?? []).map(renderBlock).join("\n");

  const renderBlock = (block: BlockNode): string => {
    switch (block.type) {
      case "paragraph":
        enterTextblock();
        return `<p>${renderInline(block.content)}</p>`;
      case "heading": {
        enterTextblock();
        const level = Math.min(6, Math.max(1, Number(block.attrs?.level) || 2));
        return `<h${level}>${renderInline(block.content)}</h${level}>`;
      }
      case "bulletList":
        return `<ul>${block.content.map((li) => `<li>${renderBlocks(li.content)}</li>`).join("")}</ul>`;
      case "orderedList": {
        const start = Number(block.attrs?.start ?? 1);
        return `<ol${start !== 1 ? ` start="${start}"` : ""}>${block.content.map((li) => `<li>${renderBlocks(li.content)}</li>`).join("")}</ol>`;
      }
      case "blockquote":
        return `<blockquote>${renderBlocks(block.content)}</blockquote>`;
      case "figure": {
        const src = safeUrl(block.attrs.src);
        const caption = block.attrs.caption ? `<figcaption>${escapeHtml(block.attrs.caption)}</figcaption>` : "";
        const img = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(block.attrs.alt ?? "")}" loading="lazy">` : "";
        return img || caption ? `<figure>${img}${caption}</figure>` : "";
      }
      default:
        return "";
    }
  };

  return renderBlocks(doc.content);
}
