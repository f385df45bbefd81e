import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { checkDocxZip } from "./docx-zip";
import { assertWithinLimit, maxImportBytes } from "./input-guards";
import { importHtml } from "./import-html";
import type { ImportOptions, ImportResult } from "./types";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// Images would become data: URLs, which the sanitizer drops anyway: don't unpack them at all.
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

function notDocx(detail: string): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", `${detail} Upload a Word .docx file, or a .txt, .md or .html file.`);
}

/** A Word .docx file → HTML (mammoth) → the HTML path as a fragment. */
export async function importDocx(data: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  assertWithinLimit(data.byteLength, maxImportBytes(options.maxBytes), "The file");
  if (data.byteLength === 0) throw new AppError("VALIDATION_ERROR", "The file is empty. Choose the .docx file again.");
  if (startsWith(data, OLE_MAGIC)) {
    throw notDocx("This is an old Word .doc (or other Office binary) file, which cannot be read. In Word, use Save As → Word Document (.docx).");
  }
  if (!startsWith(data, ZIP_MAGIC)) throw notDocx("The file is not a .docx document (a .docx is a zip archive, and this is not).");
  // Before mammoth inflates anything: a bounded archive (refuses zip bombs).
  checkDocxZip(data);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      { convertImage: skipImages, externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw notDocx("The file is a zip archive but not a readable Word document (it may be damaged, or another kind of zip).");
  }
  if (!html.trim()) throw new AppError("UNPROCESSABLE", "The Word document has no text. Check that you chose the right file.");
  // The converted HTML is held to the same size limit as any other import.
  assertWithinLimit(Buffer.byteLength(html, "utf8"), maxImportBytes(options.maxBytes), "The converted document");
  return importHtml(html, { ...options, mode: "fragment", importKind: "docx" });
}
