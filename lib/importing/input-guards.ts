import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Checks every import runs first: size, encoding, and "is this text at all".

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} bytes`;
}

export function maxImportBytes(override?: number): number {
  return override ?? env().IMPORT_MAX_BYTES;
}

export function tooLarge(size: number, limit: number, what = "The content"): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `${what} is ${formatBytes(size)}; the import limit is ${formatBytes(limit)} (IMPORT_MAX_BYTES). Split the article or import a smaller file.`,
    { size, limit },
  );
}

export function assertWithinLimit(size: number, limit: number, what?: string): void {
  if (size > limit) throw tooLarge(size, limit, what);
}

/** Byte length of a string as UTF-8, without allocating a buffer for the common small case. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Decodes UTF-8 strictly: invalid sequences are an error, not replacement characters. */
export function decodeUtf8(bytes: Uint8Array, what = "The file"): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new AppError(
      "VALIDATION_ERROR",
      `${what} is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As → Encoding: UTF-8) and try again.`,
    );
  }
}

/** Rejects strings that are mostly control characters (a binary file read as text). */
export function assertLooksLikeText(text: string, what = "The content"): void {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      control = sample.length;
      break;
    }
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.02) {
    throw new AppError(
      "UNPROCESSABLE",
      `${what} looks like binary data, not text. Upload the article as .txt, .md, .html or .docx, or paste its text.`,
    );
  }
}

export function assertNotEmpty(text: string, what = "The content"): void {
  if (text.trim() === "") {
    throw new AppError("VALIDATION_ERROR", `${what} is empty. Paste the article text, upload a file, or give a URL.`);
  }
}

/** Blockquotes and lists nested deeper than this in Markdown are flattened to this depth. */
export const MAX_MARKDOWN_NESTING = 16;
const MARKDOWN_CONTAINER = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))+/;
const MARKDOWN_MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/g;
const MAX_MARKDOWN_INDENT = MAX_MARKDOWN_NESTING * 4;

/**
 * Flattens Markdown nested deeper than MAX_MARKDOWN_NESTING: at most that many quote/list
 * markers at the start of a line, and at most four columns of indentation per level. The
 * converter's time grows with the square of the nesting (1,000 nested list levels took 38 s),
 * and very deep quotes overflow its stack; no article nests this deep. Runs of more than 32
 * emphasis or code delimiters are cut to 32 for the same reason.
 */
export function limitMarkdownNesting(markdown: string): string {
  // Emphasis delimiter runs: 100,000 asterisks took marked 107 s and then overflowed its stack.
  const runs = markdown.replace(/([*_~`])\1{32,}/g, (run) => run.slice(0, 32));
  return runs.replace(/^[ \t>*+\-0-9.)]+/gm, (prefix) => {
    let line = prefix;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length > MAX_MARKDOWN_INDENT) line = " ".repeat(MAX_MARKDOWN_INDENT) + line.slice(indent.length);
    const containers = MARKDOWN_CONTAINER.exec(line)?.[0];
    if (!containers) return line;
    const markers = containers.match(MARKDOWN_MARKER) ?? [];
    if (markers.length <= MAX_MARKDOWN_NESTING) return line;
    return markers.slice(0, MAX_MARKDOWN_NESTING).join("") + line.slice(containers.length);
  });
}
