// Download file names: <slug>-<YYYY-MM-DD>.<ext>, safe on every file system and in a
// Content-Disposition header (ASCII letters, digits and dashes only).

export function safeSlug(value: string): string {
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "article";
}

export function exportFilename(slug: string, ext: string, date: Date | string = new Date()): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const day = Number.isNaN(d.getTime()) ? new Date().toISOString().slice(0, 10) : d.toISOString().slice(0, 10);
  return `${safeSlug(slug)}-${day}.${ext.replace(/[^a-z0-9.]/gi, "")}`;
}

/** Content-Disposition for a download; the name is already ASCII-safe, filename* added for completeness. */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
