import { Inflate } from "fflate";
import { AppError } from "@/lib/errors";
import { formatBytes } from "./input-guards";

// A .docx is a zip archive. Before mammoth (through JSZip) inflates anything, every entry is
// inflated here with a running byte count that stops at the cap, so a zip bomb (1.2 MB that
// inflates to 300 MB of XML) is refused after reading at most the cap. The archive is read the
// way JSZip reads it: the central directory found from the last end-of-central-directory
// record, each entry's data located through its local header. Archives JSZip would read
// differently (data before the archive, ZIP64, encryption) are refused.

/** Everything inside a .docx, inflated. Real documents stay far below this. */
export const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const DOCX_MAX_ENTRIES = 5_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed input is fed to the inflater in slices this big, so one step inflates at most ~8 MB. */
const SLICE = 8 * 1024;

export interface DocxZipLimits {
  maxUnpackedBytes?: number;
  maxEntries?: number;
}

export interface DocxZipSummary {
  entries: number;
  unpackedBytes: number;
}

function damaged(detail: string): AppError {
  return new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `The file is a zip archive but not a readable Word document (${detail}). Open it in Word and use Save As → Word Document (.docx), then upload that.`,
  );
}

function tooBig(limit: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The Word document unpacks to more than ${formatBytes(limit)}, far more than an article's text. Save the article alone as a new .docx (without embedded files), or paste its text.`,
    { limit },
  );
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end. JSZip takes
  // the last signature it finds.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= stop; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw damaged("its table of contents is missing");
}

function inflatedSize(data: Uint8Array, budget: number, limit: number): number {
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw tooBig(limit);
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw damaged("an entry could not be unpacked");
  }
  return size;
}

/**
 * Checks a .docx archive before anything inflates it: at most `maxEntries` entries, and at most
 * `maxUnpackedBytes` once every entry is inflated (counted while inflating, not taken from the
 * sizes the archive declares).
 */
export function checkDocxZip(data: Uint8Array, limits: DocxZipLimits = {}): DocxZipSummary {
  const maxUnpacked = limits.maxUnpackedBytes ?? DOCX_MAX_UNPACKED_BYTES;
  const maxEntries = limits.maxEntries ?? DOCX_MAX_ENTRIES;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 22) throw damaged("it is cut short");
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw damaged("it is a ZIP64 archive");
  if (directoryOffset + directorySize !== eocd) throw damaged("its table of contents is not where it should be");
  if (count > maxEntries) {
    throw new AppError("UNPROCESSABLE", `The Word document holds ${count.toLocaleString("en-US")} files; a document has a few dozen. Save the article alone as a new .docx, or paste its text.`);
  }

  let unpacked = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw damaged("its table of contents is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) throw damaged("it is password-protected; remove the password in Word first");
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) throw damaged("it is a ZIP64 archive");
    if (localOffset + 30 > data.byteLength || view.getUint32(localOffset, true) !== LOCAL) throw damaged("an entry is damaged");
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const end = start + compressedSize;
    if (end > data.byteLength) throw damaged("an entry is cut short");
    const body = data.subarray(start, end);

    if (method === 0) unpacked += body.length;
    else if (method === 8) unpacked += inflatedSize(body, maxUnpacked - unpacked, maxUnpacked);
    else throw damaged(`an entry uses compression method ${method}`);
    if (unpacked > maxUnpacked) throw tooBig(maxUnpacked);
  }
  return { entries: count, unpackedBytes: unpacked };
}
