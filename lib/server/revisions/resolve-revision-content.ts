import "server-only";
import { canonicalText } from "@/lib/document/canonical-text";
import type { DocNode } from "@/lib/document/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ReviseArticleInput, RevisionKind } from "@/lib/schemas/revision";
import { runImport, type ArticleSource } from "@/lib/server/articles/run-import";

// Where a revision's new text comes from: the edited document (checked against the document
// schema by the request parser), a new version through the import pipeline (paste or upload),
// or the source URL re-fetched through the SSRF-safe fetcher.

export interface RevisionContent {
  kind: RevisionKind;
  document: DocNode;
  canonicalText: string;
}

/** A new version uploaded as a file (the multipart route and the CLI). */
export type RevisionUpload = Extract<ArticleSource, { kind: "file" }>;

export async function resolveRevisionContent(
  input: Pick<ReviseArticleInput, "text" | "html" | "markdown" | "url" | "document" | "refresh">,
  article: { sourceUrl: string | null },
  upload?: RevisionUpload,
): Promise<RevisionContent> {
  if (input.document) {
    const document = input.document as unknown as DocNode;
    const text = canonicalText(document);
    if (text.trim() === "") throw new AppError("UNPROCESSABLE", "The edited article is empty. Undo the deletion, or move the article to the trash instead.");
    if (Buffer.byteLength(text, "utf8") > env().IMPORT_MAX_BYTES) {
      throw new AppError("PAYLOAD_TOO_LARGE", "The edited article is larger than the import limit. Shorten it or split it into two articles.");
    }
    return { kind: "EDIT", document, canonicalText: text };
  }
  let source: ArticleSource;
  let kind: RevisionKind = "NEW_VERSION";
  if (upload) source = upload;
  else if (input.text !== undefined) source = { kind: "text", text: input.text };
  else if (input.html !== undefined) source = { kind: "html", html: input.html };
  else if (input.markdown !== undefined) source = { kind: "markdown", markdown: input.markdown };
  else {
    const url = input.refresh ? article.sourceUrl : input.url;
    if (!url) throw new AppError("UNPROCESSABLE", "This article has no source URL to refresh from. Paste or upload the new version instead.");
    source = { kind: "url", url };
    kind = "REFRESH";
  }
  if ((source.kind === "text" || source.kind === "html" || source.kind === "markdown") && emptyText(source)) {
    throw new AppError("UNPROCESSABLE", "The new version is empty. Paste or upload the article's updated text.");
  }
  const preview = await runImport({ source });
  return { kind, document: preview.document, canonicalText: preview.canonicalText };
}

function emptyText(source: { kind: "text"; text: string } | { kind: "html"; html: string } | { kind: "markdown"; markdown: string }): boolean {
  const value = source.kind === "text" ? source.text : source.kind === "html" ? source.html : source.markdown;
  return value.trim() === "";
}
