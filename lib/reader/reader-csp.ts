import { createHash } from "node:crypto";

// Content-Security-Policy of the reader (/r/<slug>) and embed (/embed/<slug>) pages.
// These pages are complete HTML documents rendered by route handlers, not Next pages, so they
// carry no framework scripts: the only script allowed is the reader's own enhancement script,
// by its sha256, and the only styles are the inline <style> elements, by theirs. Nothing
// injected into article text, claims or sources can run, even if it escaped the escaping.

export function cspHash(content: string): string {
  return `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;
}

export interface ReaderCspInput {
  /** Exact text of each inline <script> that must run (JSON-LD data blocks don't count). */
  scripts: string[];
  /** Exact text of each inline <style> element. */
  styles: string[];
  /** Embeds may be framed by any site; the reader page by none. */
  frameable: boolean;
}

export function readerCsp({ scripts, styles, frameable }: ReaderCspInput): string {
  const list = (items: string[]) => (items.length ? items.map(cspHash).join(" ") : "'none'");
  return [
    "default-src 'none'",
    `script-src ${list(scripts)}`,
    `style-src ${list(styles)}`,
    // No third-party pixels: article images are links to the publisher, not hot-linked.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
  ].join("; ");
}
