import type { ReportBundle } from "@/lib/schemas/report";
import { exportClaimReview } from "./claimreview";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { exportFilename } from "./filename";
import { exportHtml } from "./html";
import { EXPORT_FORMATS, type ExportFormat } from "./formats";
import { exportMarkdown } from "./markdown";
import { exportPdf } from "./pdf";
import { exportW3c } from "./w3c";

// Renders an article bundle in any export format (server only: PDF and DOCX need Node).

export { EXPORT_FORMATS, EXPORT_FORMAT_KEYS, isExportFormat, parseExportFormat, type ExportFormat } from "./formats";

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
