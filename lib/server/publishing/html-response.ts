import "server-only";
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- until the reader renderer moves into lib/reader (issue 10)
import type { RenderedPage } from "@/components/reader/render-reader";
import { readerCsp } from "./reader-csp";

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
