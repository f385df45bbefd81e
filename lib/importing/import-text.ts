import type { BlockNode, ParagraphNode } from "@/lib/document/types";
import { cleanBlocks } from "./clean-blocks";
import { docOf, normalizeInline, textNode } from "./doc-utils";
import { assertLooksLikeText, assertNotEmpty, assertWithinLimit, maxImportBytes, utf8Length } from "./input-guards";
import { authorsOf, dateFromLine, excerptOf } from "./metadata";
import type { ImportOptions, ImportResult } from "./types";
import { detectLanguage } from "./detect-language";

const SENTENCE_END = /[.!?…:]["'”’)\]]*$/;

/**
 * Splits plain text into paragraphs. Blank lines always separate paragraphs. Inside a block a
 * line break is a soft wrap (joined with a space) only when the line is long and does not end a
 * sentence, as in hard-wrapped e-mail text; otherwise each line is its own paragraph, which is
 * how scraped text puts "- Advertisement -" between paragraphs without blank lines.
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").replace(/[\t\f\v]+/g, " ");
  const paragraphs: string[] = [];
  for (const chunk of normalized.split(/\n[ ]*\n/)) {
    const lines = chunk.split("\n").map((l) => l.replace(/ {2,}/g, " ").trim()).filter((l) => l !== "");
    let current = "";
    for (const line of lines) {
      if (current === "") current = line;
      else if (current.length >= 60 && !SENTENCE_END.test(current) && line.length > 0) current += ` ${line}`;
      else {
        paragraphs.push(current);
        current = line;
      }
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
