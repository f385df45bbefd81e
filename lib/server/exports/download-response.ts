import "server-only";
import type { ExportedFile } from "@/lib/exporting";
import { contentDisposition } from "@/lib/exporting/filename";
import type { JobDownload } from "@/lib/server/jobs/get-job";

function downloadHeaders(file: { filename: string; contentType: string }, size: number): Record<string, string> {
  return {
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(file.filename),
    "Content-Length": String(size),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

/** A file download: its content type, attachment disposition, length, and no caching (reports hold private drafts). */
export function downloadResponse(file: ExportedFile): Response {
  return new Response(file.body as BodyInit, { status: 200, headers: downloadHeaders(file, file.body.byteLength) });
}

/** The same download, streamed from a file (a finished export job, or a synchronous workspace export). */
export function streamedDownloadResponse(file: JobDownload): Response {
  return new Response(file.stream, { status: 200, headers: downloadHeaders(file, file.size) });
}
