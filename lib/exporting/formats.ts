import { AppError } from "@/lib/errors";

// Every per-article export format with its file extension and content type. No renderer is
// imported here, so client components (the Export menu) can use it.

export const EXPORT_FORMATS = {
  pdf: { label: "PDF report", ext: "pdf", contentType: "application/pdf" },
  docx: { label: "Word document (DOCX)", ext: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  md: { label: "Markdown", ext: "md", contentType: "text/markdown; charset=utf-8" },
  csv: { label: "CSV spreadsheet", ext: "csv", contentType: "text/csv; charset=utf-8" },
  html: { label: "HTML (offline page)", ext: "html", contentType: "text/html; charset=utf-8" },
  w3c: { label: "W3C Web Annotation (JSON-LD)", ext: "jsonld", contentType: "application/ld+json; charset=utf-8" },
  claimreview: { label: "ClaimReview (JSON-LD)", ext: "claimreview.jsonld", contentType: "application/ld+json; charset=utf-8" },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_KEYS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && Object.hasOwn(EXPORT_FORMATS, value);
}

/** The format, or a 400 naming the formats there are. */
export function parseExportFormat(value: unknown): ExportFormat {
  if (isExportFormat(value)) return value;
  throw new AppError(
    "BAD_REQUEST",
    `${value === undefined || value === null || value === "" ? "No export format given" : `Unknown export format "${String(value).slice(0, 40)}"`}. Use format=${EXPORT_FORMAT_KEYS.join(", ")}.`,
    { formats: EXPORT_FORMAT_KEYS },
  );
}
