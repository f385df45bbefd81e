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
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
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
