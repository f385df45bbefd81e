import "server-only";
import type { RenderedPage } from "@/lib/reader/render-reader";
import type { CachedPage } from "./cached-page";
import { readerCsp } from "@/lib/reader/reader-csp";

/** A rendered reader/embed/status page as a Response with its strict CSP. */
export function htmlResponse(page: RenderedPage, opts: { status?: number; frameable?: boolean; cacheable?: boolean }): Response {
  return new Response(page.html, {
    status: opts.status ?? 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": readerCsp({ scripts: page.scripts, styles: page.styles, frameable: opts.frameable ?? false }),
      "Cache-Control": opts.cacheable ? "public, no-cache" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...(opts.frameable ? {} : { "X-Frame-Options": "DENY" }),
    },
  });
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

// A held page (cached-page.ts keeps the same object for every request) is encoded to UTF-8 once,
// not on every response: a 2 MB page's encoding was a large part of serving it.
const encoded = new WeakMap<CachedPage, Uint8Array<ArrayBuffer>>();

function bodyOf(page: CachedPage): Uint8Array<ArrayBuffer> {
  let body = encoded.get(page);
  if (!body) encoded.set(page, (body = new TextEncoder().encode(page.html)));
  return body;
}

/** The held bytes as a body: a stream hands them over as they are (`new Response(bytes)` copies them on every response). */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * A cached published page with its ETag: 304 without a body when the client's copy is current.
 * Caches may keep it but must revalidate (no-cache), so a withdrawal or correction shows at once.
 */
export function cachedHtmlResponse(req: Request, page: CachedPage, opts: { frameable?: boolean; shared: boolean }): Response {
  const headers: Record<string, string> = {
    "Content-Security-Policy": page.csp,
    "Cache-Control": opts.shared ? "public, no-cache" : "private, no-cache",
    ETag: page.etag,
    "X-Content-Type-Options": "nosniff",
    ...(opts.frameable ? {} : { "X-Frame-Options": "DENY" }),
  };
  if (matches(req.headers.get("if-none-match"), page.etag)) return new Response(null, { status: 304, headers });
  const body = bodyOf(page);
  return new Response(streamOf(body), { status: 200, headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Length": String(body.byteLength) } });
}
