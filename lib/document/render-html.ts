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
  /**
   * "inline" shows images from their original address; "link" leaves the image out and links to
   * it instead, so a public page loads no third-party pixel (the publisher would see every reader).
   */
  images?: "inline" | "link";
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

/**
 * The highlight boundaries in order and, for each segment between two boundaries, the ids that
 * cover it (in start order; undefined when none). One sweep: linear in the highlights plus the
 * overlap depth, so 5,000 claims render as fast as their text.
 */
function highlightSegments(sorted: HtmlHighlightRange[]): { points: number[]; ids: (string[] | undefined)[] } {
  const points = [...new Set(sorted.flatMap((h) => [h.start, h.end]))].sort((a, b) => a - b);
  const ids: (string[] | undefined)[] = [];
  let active: HtmlHighlightRange[] = [];
  let next = 0;
  for (let k = 0; k < points.length; k++) {
    const p = points[k];
    active = active.filter((h) => h.end > p);
    while (next < sorted.length && sorted[next].start <= p) active.push(sorted[next++]);
    ids.push(active.length ? active.map((h) => h.id) : undefined);
  }
  return { points, ids };
}

/** Index of the first element greater than `value` in an ascending array. */
function upperBound(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function renderDocumentHtml(doc: DocNode, options: RenderHtmlOptions = {}): string {
  const highlights = [...(options.highlights ?? [])].filter((h) => h.end > h.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const wrap = options.wrapHighlight ?? ((html, ids) => `<mark data-claim-ids="${escapeHtml(ids.join(" "))}">${html}</mark>`);
  let offset = 0;
  let firstBlock = true;

  const segments = highlightSegments(highlights);
  const renderText = (text: string, start: number): string => {
    if (segments.points.length === 0) return escapeHtml(text);
    const end = start + text.length;
    let html = "";
    let at = start;
    // Segment k covers [points[k], points[k+1]); find the first boundary after `start`.
    let k = upperBound(segments.points, start) - 1;
    while (at < end) {
      const next = k + 1 < segments.points.length ? Math.min(end, segments.points[k + 1]) : end;
      const piece = escapeHtml(text.slice(at - start, next - start));
      const ids = k >= 0 ? segments.ids[k] : undefined;
      html += ids ? wrap(piece, ids) : piece;
      at = next;
      k++;
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
        const alt = block.attrs.alt ? `: ${escapeHtml(block.attrs.alt)}` : "";
        const img = !src
          ? ""
          : options.images === "link"
            ? `<a class="image-link" href="${escapeHtml(src)}" rel="noopener noreferrer nofollow">Image at the original publisher${alt}</a>`
            : `<img src="${escapeHtml(src)}" alt="${escapeHtml(block.attrs.alt ?? "")}" loading="lazy">`;
        return img || caption ? `<figure>${img}${caption}</figure>` : "";
      }
      default:
        return "";
    }
  };

  return renderBlocks(doc.content);
}
