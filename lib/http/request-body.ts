import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/importing/input-guards";

// Request bodies are read through here, never with req.text()/formData()/json() directly: the
// declared Content-Length is checked before reading, and the bytes are counted while they
// stream in (chunked bodies declare nothing), so an oversized body is refused with 413 after at
// most `limit` bytes instead of being held in memory whole.

/** Largest JSON body of an ordinary API call (a claim, a comment, a source). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

export function bodyTooLarge(limit: number, size?: number): AppError {
  const what = size === undefined ? `The request body is larger than ${formatBytes(limit)}` : `The request body is ${formatBytes(size)}`;
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `${what}; this endpoint accepts at most ${formatBytes(limit)}. Send less at once (shorten the text, or split it over several requests).`,
    { limit },
  );
}

/** Refuses a body whose declared length is over the limit, without reading any of it. */
export function assertDeclaredLength(req: Request, limit: number): void {
  const declared = req.headers.get("content-length");
  if (declared === null || declared.trim() === "") return;
  const size = Number(declared);
  if (Number.isFinite(size) && size > limit) throw bodyTooLarge(limit, size);
}

/** The whole body, at most `limit` bytes; reading stops (and the stream is cancelled) past it. */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  assertDeclaredLength(req, limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The body as text: strict UTF-8 (a malformed byte sequence is a 400, not a replacement character). */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(req, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8. Send the JSON encoded as UTF-8.");
  }
}

/** A multipart/form-data body, read with the byte cap, then parsed. */
export async function readFormData(req: Request, limit: number): Promise<FormData> {
  const bytes = await readBodyBytes(req, limit);
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart body could not be read. Send it as multipart/form-data with the file in a field named `file`.");
  }
}

/**
 * The first string (value or key) holding an unpaired UTF-16 surrogate, as a path like
 * `sources.0.title`, or null. Such strings cannot be stored (they are not Unicode text).
 * Iterative: a 1 MB body can nest 500,000 levels deep.
 */
export function findMalformedString(root: unknown): string | null {
  type Node = { value: unknown; key: string | null; parent: Node | null };
  const pathOf = (node: Node, last?: string) => {
    const parts: string[] = last === undefined ? [] : [last];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) parts.unshift(n.key);
    return parts.join(".") || "body";
  };
  const stack: Node[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === "string") {
      if (!value.isWellFormed()) return pathOf(node);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: node });
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value).reverse()) {
        if (!key.isWellFormed()) return pathOf(node, key.toWellFormed());
        stack.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}

export function malformedStringError(path: string): AppError {
  return new AppError(
    "VALIDATION_ERROR",
    `${path}: contains an unpaired UTF-16 surrogate (half of an emoji or other character, e.g. "\\ud800"), which is not valid text. Send the complete character or remove it.`,
    { path },
  );
}

export function assertWellFormedStrings(value: unknown): void {
  const path = findMalformedString(value);
  if (path) throw malformedStringError(path);
}

/** Largest body of a sign-in or sign-out form (a CSRF token, an e-mail and a password). */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;
