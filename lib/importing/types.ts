import type { DocNode } from "@/lib/document/types";

/** How an article arrived. Stored as Article.importKind. */
export type ImportKind = "text" | "html" | "markdown" | "docx" | "url";

export interface ImportMetadata {
  title: string | null;
  byline: string | null;
  /** Author names (the byline is their display form). */
  authors: string[];
  siteName: string | null;
  /** ISO 8601 date-time, or null when the source does not say. */
  publishedAt: string | null;
  language: string | null;
  sourceUrl: string | null;
  /** The page's <link rel=canonical> (or og:url). */
  canonicalUrl: string | null;
  excerpt: string | null;
}

/** A top-level block the importer left out (or trimmed), so the editor can see it and restore it. */
export interface RemovedBlock {
  /** Position of the block among the top-level blocks before cleaning; pass it back in `restore`. */
  index: number;
  /** The removed text, as the editor sees it. */
  text: string;
  /** Why it was removed, in words. */
  reason: string;
}

export interface ImportResult {
  importKind: ImportKind;
  document: DocNode;
  metadata: ImportMetadata;
  removedBlocks: RemovedBlock[];
  /** Things the editor should check before saving (for example: the page is not an article). */
  warnings?: string[];
}

export interface ImportOptions {
  /** Indexes of removed blocks to keep after all (RemovedBlock.index). */
  restore?: readonly number[];
  /** Size limit in bytes (UTF-8). Defaults to env IMPORT_MAX_BYTES. */
  maxBytes?: number;
  /** Where the content came from: resolves relative links and fills metadata.sourceUrl. */
  sourceUrl?: string | null;
}
