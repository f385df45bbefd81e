import { crc32, deflateRawSync } from "node:zlib";
import { isAppError } from "@/lib/errors";
import { exportArticle, type ExportedFile, type ExportFormat } from "@/lib/exporting";
import { csvRows, rowsToCsv } from "@/lib/exporting/csv";
import { renderEmbedPage, renderReaderPage, type ReaderPageOptions, type RenderedPage } from "@/lib/reader/render-reader";
import type { ReportBundle } from "@/lib/schemas/report";

// Worker-thread entry of the render pool (lib/server/workers/render-pool.ts, piscina): the
// CPU-heavy renderings (PDF, DOCX, every export format, ZIP entries, workspace CSV/JSON, reader
// pages of large publications) run here so the thread that answers requests stays free.
// Bundled into <distDir>/workers/render-worker.cjs by `npm run build` (scripts/build-workers.mjs).
// Each task answers { ok, value } or { ok: false, error }: an AppError's code survives the thread hop.

export type TaskReply<T> = { ok: true; value: T } | { ok: false; error: { code?: string; message: string; details?: unknown } };

async function reply<T>(run: () => Promise<T> | T): Promise<TaskReply<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    const error = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { message: error.stack ?? error.message } };
  }
}

/** A rendered report ready to be stored in a ZIP: deflated here (or stored as is) with its CRC and size. */
export interface ZipEntryFile extends ExportedFile {
  crc: number;
  size: number;
  /** 0 stored, 8 deflated (APPNOTE 4.4.5). */
  compression: 0 | 8;
}

export function renderArticleFile({ bundle, format }: { bundle: ReportBundle; format: ExportFormat }): Promise<TaskReply<ExportedFile>> {
  return reply(() => exportArticle(bundle, format));
}

export function renderZipEntry({ bundle, format }: { bundle: ReportBundle; format: ExportFormat }): Promise<TaskReply<ZipEntryFile>> {
  return reply(async () => {
    const file = await exportArticle(bundle, format);
    // PDF and DOCX are compressed already: stored, not deflated again.
    const stored = format === "pdf" || format === "docx";
    const body = stored ? file.body : new Uint8Array(deflateRawSync(file.body, { level: 6 }));
    return { ...file, body, crc: crc32(file.body), size: file.body.byteLength, compression: stored ? 0 : 8 };
  });
}

export interface WorkspaceDocumentInput {
  format: "csv" | "json";
  bundles: ReportBundle[];
  /** JSON export's header fields (workspace, scope, range, generatedAt). */
  header: Record<string, unknown>;
}

export function renderWorkspaceDocument({ format, bundles, header }: WorkspaceDocumentInput): Promise<TaskReply<Uint8Array>> {
  return reply(() => {
    const text = format === "csv" ? rowsToCsv(csvRows(bundles)) : `${JSON.stringify({ ...header, articleCount: bundles.length, articles: bundles }, null, 2)}\n`;
    return new TextEncoder().encode(text);
  });
}

export function renderPublishedPage({ variant, bundle, options }: { variant: "reader" | "embed"; bundle: ReportBundle; options: ReaderPageOptions }): Promise<TaskReply<RenderedPage>> {
  return reply(() => (variant === "reader" ? renderReaderPage(bundle, options) : renderEmbedPage(bundle)));
}
