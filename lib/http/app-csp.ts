// Content-Security-Policy of the app's own pages (editor, library, admin, sign-in). Next's
// framework scripts carry the per-request nonce (Next reads it from this header on the request,
// see proxy.ts); 'strict-dynamic' lets them load the page's chunks. Nothing else runs: an
// injected <script> or on* handler has no nonce. Inline styles stay allowed: React, Radix and
// the toaster set style attributes, and styles cannot run code. The page may be framed only by
// the app itself (the reader and embed routes set their own, stricter policies).

export function appCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Article figures point at the publisher's images.
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The script nonce of a policy made by appCsp (proxy.ts puts it on the request), if any. */
export function nonceOf(csp: string | null): string | undefined {
  return csp?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
