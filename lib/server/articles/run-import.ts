import "server-only";
import { canonicalText } from "@/lib/document/canonical-text";
import { AppError } from "@/lib/errors";
import type { ImportMetadata, ImportResult } from "@/lib/importing";
import { authorsOf } from "@/lib/importing/metadata";
import { articleMetadataInputSchema, type ArticleMetadataInput, type ArticlePreview, type CreateArticleJson } from "@/lib/schemas/article";
import { fetchArticleUrl } from "./fetch-article-url";
import { runImportInWorker } from "./import-pool";

// The one path every import takes (page, API, CLI, demo seed): source → pure importer (after
// a guarded fetch for URLs) → the editor's metadata corrections on top.

export type ArticleSource =
  | { kind: "text"; text: string }
  | { kind: "html"; html: string }
  | { kind: "markdown"; markdown: string }
  | { kind: "url"; url: string }
  | { kind: "file"; filename: string; data: Uint8Array; contentType?: string | null };

export interface ArticleImportInput {
  source: ArticleSource;
  /** The editor's corrections; a non-empty value replaces the importer's. */
  metadata?: ArticleMetadataInput;
  /** Removed-block indexes to keep after all. */
  restore?: number[];
}

/** A JSON body (API or page) → import input. */
export function importInputFromJson(body: CreateArticleJson): ArticleImportInput {
  const source: ArticleSource =
    body.text !== undefined
      ? { kind: "text", text: body.text }
      : body.html !== undefined
        ? { kind: "html", html: body.html }
        : body.markdown !== undefined
          ? { kind: "markdown", markdown: body.markdown }
          : { kind: "url", url: body.url ?? "" };
  return {
    source,
    metadata: { title: body.title, byline: body.byline, sourceUrl: body.sourceUrl, publishedAt: body.publishedAt, language: body.language },
    restore: body.restore,
  };
}

// Parsing and conversion run in a worker thread under a time budget (import-pool.ts).
async function importSource(source: ArticleSource, restore: number[] | undefined, sourceUrl: string | null): Promise<ImportResult> {
  const options = { restore, sourceUrl };
  switch (source.kind) {
    case "text":
      return runImportInWorker({ kind: "text", text: source.text, options });
    case "html":
      return runImportInWorker({ kind: "html", html: source.html, options: { ...options, mode: "auto" } });
    case "markdown":
      return runImportInWorker({ kind: "markdown", markdown: source.markdown, options });
    case "file":
      return runImportInWorker({ kind: "file", filename: source.filename, data: source.data, contentType: source.contentType, options });
    case "url": {
      if (!source.url.trim()) throw new AppError("VALIDATION_ERROR", "The URL is empty. Give the article's address, starting with https://.");
      const page = await fetchArticleUrl(source.url);
      const pageOptions = { restore, sourceUrl: page.finalUrl };
      const result =
        page.kind === "text"
          ? await runImportInWorker({ kind: "text", text: page.body, options: pageOptions })
          : await runImportInWorker({ kind: "html", html: page.body, options: { ...pageOptions, mode: "page" } });
      return { ...result, importKind: "url", metadata: { ...result.metadata, sourceUrl: result.metadata.sourceUrl ?? page.finalUrl } };
    }
  }
}

const nonEmpty = (v: string | null | undefined) => (v != null && v.trim() !== "" ? v.trim() : null);

/**
 * The importer's metadata with the editor's corrections on top: a field left out keeps the
 * importer's value; a field sent empty (or null) clears it; anything else replaces it.
 */
export function mergeMetadata(found: ImportMetadata, edits: ArticleMetadataInput | undefined): ImportMetadata {
  const e = articleMetadataInputSchema.parse(edits ?? {});
  const pick = (edit: string | null | undefined, value: string | null) => (edit === undefined ? value : nonEmpty(edit));
  const publishedAt = pick(e.publishedAt, found.publishedAt);
  const byline = pick(e.byline, found.byline);
  return {
    ...found,
    title: pick(e.title, found.title),
    byline,
    // An edited byline is the editor's word on who wrote it.
    authors: e.byline === undefined ? found.authors : authorsOf(byline),
    sourceUrl: pick(e.sourceUrl, found.sourceUrl),
    publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
    language: pick(e.language, found.language),
  };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Runs the import and applies the editor's corrections. Network only for URL sources. */
export async function runImport(input: ArticleImportInput): Promise<ArticlePreview> {
  const edits = articleMetadataInputSchema.parse(input.metadata ?? {});
  const result = await importSource(input.source, input.restore, nonEmpty(edits.sourceUrl));
  const text = canonicalText(result.document);
  if (text.trim() === "") {
    throw new AppError("UNPROCESSABLE", "Nothing of the article is left after cleaning. Restore the blocks you want to keep, or check the input.");
  }
  return {
    importKind: result.importKind,
    metadata: mergeMetadata(result.metadata, edits),
    document: result.document,
    canonicalText: text,
    removedBlocks: result.removedBlocks,
    warnings: result.warnings ?? [],
    wordCount: wordCount(text),
  };
}
