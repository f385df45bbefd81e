import { AppError } from "@/lib/errors";
import type { ReportBundle } from "@/lib/schemas/report";
import { exportClaimReview } from "./claimreview";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { exportFilename } from "./filename";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";
import { exportPdf } from "./pdf";
import { exportW3c } from "./w3c";

// Every per-article export format, its file extension and content type, and one entry point.

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

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** Renders one article in one format. Pure apart from reading the embedded PDF fonts from node_modules. */
export async function exportArticle(bundle: ReportBundle, format: ExportFormat): Promise<ExportedFile> {
  const info = EXPORT_FORMATS[format];
  const encode = (s: string) => new TextEncoder().encode(s);
  let body: Uint8Array;
  switch (format) {
    case "pdf":
      body = await exportPdf(bundle);
      break;
    case "docx":
      body = await exportDocx(bundle);
      break;
    case "md":
      body = encode(exportMarkdown(bundle));
      break;
    case "csv":
      body = encode(exportCsv(bundle));
      break;
    case "html":
      body = encode(exportHtml(bundle));
      break;
    case "w3c":
      body = encode(exportW3c(bundle));
      break;
    case "claimreview":
      body = encode(exportClaimReview(bundle));
      break;
  }
  return { filename: exportFilename(bundle.article.slug, info.ext, bundle.generatedAt), contentType: info.contentType, body };
}
