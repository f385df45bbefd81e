import { AppError } from "@/lib/errors";
import { importDocx } from "./import-docx";
import { importHtml } from "./import-html";
import { importMarkdown } from "./import-markdown";
import { importText } from "./import-text";
import { decodeText, declaredHtmlCharset } from "./decode-text";
import { assertWithinLimit, maxImportBytes } from "./input-guards";
import type { ImportOptions, ImportResult } from "./types";

export { ACCEPTED_FILE_EXTENSIONS } from "./file-types";

type FileKind = "text" | "markdown" | "html" | "docx";

const BY_EXTENSION: Record<string, FileKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  docx: "docx",
};

const BY_MEDIA_TYPE: Record<string, FileKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export function fileKindOf(filename: string, contentType?: string | null): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const type = contentType?.split(";")[0].trim().toLowerCase();
  if (!ext && type && BY_MEDIA_TYPE[type]) return BY_MEDIA_TYPE[type];
  if (ext === "doc") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Old Word .doc files cannot be read. In Word, use Save As → Word Document (.docx), then upload that.");
  }
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `${ext ? `.${ext} files are` : "This kind of file is"} not supported. Upload a .txt, .md, .html or .docx file.`,
  );
}

/** An uploaded file, by its extension (or media type when it has none). */
export async function importFile(
  file: { filename: string; data: Uint8Array; contentType?: string | null },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const kind = fileKindOf(file.filename, file.contentType);
  assertWithinLimit(file.data.byteLength, maxImportBytes(options.maxBytes), "The file");
  if (kind === "docx") return importDocx(file.data, options);
  if (file.data.byteLength === 0) throw new AppError("VALIDATION_ERROR", "The file is empty. Choose the file again, or paste the text.");
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(file.contentType ?? "")?.[1] ?? (kind === "html" ? declaredHtmlCharset(file.data) : null);
  const { text } = decodeText(file.data, declared);
  if (kind === "markdown") return importMarkdown(text, options);
  if (kind === "html") return importHtml(text, { ...options, mode: "auto" });
  return importText(text, options);
}
