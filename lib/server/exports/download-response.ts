import "server-only";
import type { ExportedFile } from "@/lib/exporting";
import { contentDisposition } from "@/lib/exporting/filename";

/** A file download: its content type, attachment disposition, length, and no caching (reports hold private drafts). */
export function downloadResponse(file: ExportedFile): Response {
  return new Response(file.body as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Content-Length": String(file.body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
