// Pure import: text, Markdown, HTML and .docx → article document + metadata + removed blocks.
// No database, no network (URL fetching lives in lib/server/articles/fetch-article-url.ts).
export * from "./types";
export { importText, splitParagraphs } from "./import-text";
export { importHtml, type HtmlImportOptions } from "./import-html";
export { importMarkdown } from "./import-markdown";
export { importDocx } from "./import-docx";
export { importFile, fileKindOf, ACCEPTED_FILE_EXTENSIONS } from "./import-file";
export { decodeUtf8, formatBytes } from "./input-guards";
