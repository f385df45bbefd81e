import type PDFDocument from "pdfkit";

// Speed-ups for pdfkit that keep its output: they reach into three internals of pdfkit 0.20
// (EmbeddedFont.font, EmbeddedFont.layoutCache, PDFDocument.addContent), each checked at run
// time so a pdfkit without them just runs the slow way.
//
// 1. The parsed font (fontkit) is kept between documents instead of parsed per document.
// 2. pdfkit shapes every word once per document and caches the result per font; shaping is
//    most of the cost of a long report, and its result depends only on the font and the word,
//    so the cache is shared between documents (bounded: dropped when it grows past a limit).
// 3. Each drawing operator was its own small byte array kept until the end (page numbers need
//    every page buffered); operators are now gathered per page and written as one string.

type Doc = InstanceType<typeof PDFDocument>;

interface EmbeddedFontInternals {
  font?: unknown;
  layoutCache?: Record<string, unknown>;
}

interface DocInternals {
  _font?: EmbeddedFontInternals;
  page?: { write(chunk: string): void };
  addContent?: (data: string) => Doc;
}

/** Words kept per font between documents; a 1,000-claim report shapes about 12,000. */
const LAYOUT_CACHE_LIMIT = 40_000;

interface SharedFont {
  /** fontkit font, parsed once. */
  parsed?: unknown;
  layoutCache: Record<string, unknown>;
  entries: number;
}

const shared = new Map<string, SharedFont>();

function sharedFor(key: string): SharedFont {
  let s = shared.get(key);
  if (!s) {
    s = { layoutCache: Object.create(null) as Record<string, unknown>, entries: 0 };
    shared.set(key, s);
  }
  return s;
}

/**
 * Registers fonts on `doc` (name → TrueType bytes), reusing the parsed font and its shaped
 * words from earlier documents. The key of each font is its name plus its byte length, so a
 * different file under the same name does not reuse a stale parse.
 */
export function registerReusedFonts(doc: Doc, files: Record<string, Buffer>): void {
  const internals = doc as unknown as DocInternals;
  for (const [name, bytes] of Object.entries(files)) {
    const s = sharedFor(`${name}:${bytes.byteLength}`);
    // pdfkit accepts a parsed fontkit font wherever it accepts font bytes.
    doc.registerFont(name, (s.parsed ?? bytes) as Buffer);
    doc.font(name);
    const embedded = internals._font;
    if (!embedded || typeof embedded.font !== "object" || typeof embedded.layoutCache !== "object") continue;
    s.parsed ??= embedded.font;
    if (s.entries > LAYOUT_CACHE_LIMIT) {
      s.layoutCache = Object.create(null) as Record<string, unknown>;
      s.entries = 0;
    }
    embedded.layoutCache = s.layoutCache;
  }
}

/** Counts the shaped words kept so the next document can drop the cache when it is too big. */
export function noteReusedFontUse(): void {
  for (const s of shared.values()) {
    let n = 0;
    for (const key in s.layoutCache) if (key) n++;
    s.entries = n;
  }
}

/**
 * Gathers drawing operators per page and writes them to the page as one chunk when another
 * page is drawn on, or when `flush` is called (before `doc.end()`).
 */
export function batchPageContent(doc: Doc): { flush: () => void } {
  const internals = doc as unknown as DocInternals;
  if (typeof internals.addContent !== "function") return { flush: () => undefined };
  let page: DocInternals["page"];
  let pending: string[] = [];
  const flush = () => {
    if (page && pending.length) page.write(pending.join("\n"));
    pending = [];
  };
  internals.addContent = (data: string) => {
    if (internals.page !== page) {
      flush();
      page = internals.page;
    }
    pending.push(data);
    return doc;
  };
  return { flush };
}
