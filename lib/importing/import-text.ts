import type { BlockNode, ParagraphNode } from "@/lib/document/types";
import { cleanBlocks } from "./clean-blocks";
import { docOf, normalizeInline, textNode } from "./doc-utils";
import { assertLooksLikeText, assertNotEmpty, assertWithinLimit, maxImportBytes, utf8Length } from "./input-guards";
import { authorsOf, dateFromLine, excerptOf } from "./metadata";
import type { ImportOptions, ImportResult } from "./types";
import { detectLanguage } from "./detect-language";

const SENTENCE_END = /[.!?…:]["'”’)\]]*$/;

/** Lines longer than this are never the product of hard wrapping (e-mail wraps at 72–80). */
const MAX_WRAP_WIDTH = 120;

/**
 * The column the text was hard-wrapped at, or null when it was not: in wrapped text nearly
 * every line is at most the wrap width and the long lines cluster just under it. Scraped and
 * copied text has one line per paragraph, of any length, so its lines are never joined.
 */
export function wrapWidth(lines: string[]): number | null {
  const lengths = lines.map((l) => l.length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length < 2) return null;
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))];
  if (width > MAX_WRAP_WIDTH || width < 30) return null;
  const over = lengths.filter((n) => n > width + 10).length;
  return over <= lengths.length * 0.05 ? width : null;
}

/**
 * Splits plain text into paragraphs. Blank lines always separate paragraphs. Inside a block a
 * line break is a soft wrap (joined with a space) only when the text is hard-wrapped (see
 * wrapWidth), the line reaches near the wrap width and does not end a sentence, as in e-mail
 * text; otherwise each line is its own paragraph, which is how scraped text puts
 * "- Advertisement -" between paragraphs and a copied page its headline above the caption.
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").replace(/[\t\f\v]+/g, " ");
  const width = wrapWidth(normalized.split("\n").map((l) => l.trim()));
  const paragraphs: string[] = [];
  for (const chunk of normalized.split(/\n[ ]*\n/)) {
    const lines = chunk.split("\n").map((l) => l.replace(/ {2,}/g, " ").trim()).filter((l) => l !== "");
    let current = "";
    let lastLine = "";
    for (const line of lines) {
      const wrapped = width !== null && lastLine.length >= width - 25 && !SENTENCE_END.test(lastLine);
      if (current === "") current = line;
      else if (wrapped) current += ` ${line}`;
      else {
        paragraphs.push(current);
        current = line;
      }
      lastLine = line;
    }
    if (current) paragraphs.push(current);
  }
  return paragraphs;
}

function paragraph(text: string): ParagraphNode {
  const content = normalizeInline([textNode(text)]);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** Plain text (pasted or a .txt file) → article document, cleaned of scraping boilerplate. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  assertWithinLimit(utf8Length(text), maxImportBytes(options.maxBytes));
  assertNotEmpty(text, "The text");
  assertLooksLikeText(text, "The text");
  const blocks: BlockNode[] = splitParagraphs(text).map(paragraph);
  const cleaned = cleanBlocks(blocks, { title: "first-line", restore: options.restore });
  return {
    importKind: "text",
    document: docOf(cleaned.blocks),
    metadata: {
      title: cleaned.title,
      byline: cleaned.byline,
      authors: authorsOf(cleaned.byline),
      siteName: null,
      publishedAt: dateFromLine(cleaned.dateLine),
      language: detectLanguage(text),
      sourceUrl: options.sourceUrl ?? null,
      canonicalUrl: null,
      excerpt: excerptOf(cleaned.blocks),
    },
    removedBlocks: cleaned.removed,
  };
}
