const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The URL if it is http(s) (or mailto when allowed), else null: never javascript:, data: etc. */
export function safeUrl(value: string | null | undefined, { allowMailto = false } = {}): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
    if (allowMailto && url.protocol === "mailto:") return url.toString();
    return null;
  } catch {
    return null;
  }
}
