import { marked } from "marked";
import { assertLooksLikeText, assertNotEmpty, assertWithinLimit, limitMarkdownNesting, maxImportBytes, utf8Length } from "./input-guards";
import { importHtml } from "./import-html";
import type { ImportOptions, ImportResult } from "./types";

/** Markdown → HTML (marked, GitHub-flavoured) → the HTML path as a fragment. */
export function importMarkdown(markdown: string, options: ImportOptions = {}): ImportResult {
  assertWithinLimit(utf8Length(markdown), maxImportBytes(options.maxBytes));
  assertNotEmpty(markdown, "The Markdown");
  assertLooksLikeText(markdown, "The Markdown");
  const html = marked.parse(limitMarkdownNesting(markdown), { async: false, gfm: true });
  return importHtml(html, { ...options, mode: "fragment", importKind: "markdown", maxBytes: Number.MAX_SAFE_INTEGER });
}
