// Client-side download helpers shared by the Export menu and the workspace export dialog.
import { apiBlob, errorFromResponse } from "@/lib/api-client";

/** The file name from a Content-Disposition header, or the fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  return match?.[1] ?? fallback;
}

/** The API's error message ({ error: { message } }) or a generic one with the status. */
export async function errorMessage(res: Response): Promise<string> {
  return (await errorFromResponse(res)).message;
}

/** Saves bytes as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the browser download a same-origin file address itself (streamed to disk, never held in memory). */
export function saveUrl(url: string, filename: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Fetches an export URL and saves it; throws an Error with the API's message on failure. */
export async function downloadExport(url: string, fallbackName: string, signal?: AbortSignal): Promise<string> {
  const { blob, headers } = await apiBlob(url, signal);
  const filename = filenameFromDisposition(headers.get("content-disposition"), fallbackName);
  saveBlob(blob, filename);
  return filename;
}
