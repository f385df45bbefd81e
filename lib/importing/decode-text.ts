import { AppError } from "@/lib/errors";

// Bytes → text for uploaded files and fetched pages. Declared encodings are often wrong: a page
// that says ISO-8859-1 is sent as UTF-8, a file saved as Latin-1 gets called UTF-8. Valid UTF-8
// with non-ASCII bytes is almost never anything else, so it wins over any declaration; bytes that
// are not UTF-8 are read with the declared single-byte encoding, or Windows-1252 (the superset of
// Latin-1 that browsers use for it) when none is declared.

export interface DecodedText {
  text: string;
  /** The encoding actually used (WHATWG label). */
  encoding: string;
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/** The charset an HTML document declares in its first bytes (<meta charset> or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null;
}

function knownLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array, declared?: string | null, what = "The file"): DecodedText {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { text: new TextDecoder(encoding).decode(bytes.subarray(bom.length)), encoding };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8, whatever it says.
  }
  const label = knownLabel(declared);
  const encoding = label && label !== "utf-8" && !label.startsWith("utf-16") ? label : "windows-1252";
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new AppError(
      "VALIDATION_ERROR",
      `${what} is neither UTF-8 nor ${encoding} text. Save it as UTF-8 (in most editors: Save As → Encoding: UTF-8) and try again.`,
    );
  }
}
