import type PDFDocument from "pdfkit";

// Speed-ups for pdfkit that keep its output: they reach into three internals of pdfkit 0.20
// (EmbeddedFont.font, EmbeddedFont.layoutCache, PDFDocument.addContent), each checked at run
// time so a pdfkit without them just runs the slow way.
//
// 1. The parsed font (fontkit) is kept between documents instead of parsed per document.
// 2. pdfkit shapes every word once per document and caches the result per font; shaping is
//    most of the cost of a long report, and its result depends only on the font and the word,
//    so the cache is shared between documents (bounded: dropped when it grows past a limit).
// 3. pdfkit joins a line's shaped words with Array.concat per word and formats each glyph
//    id as hex per use; the same is done here with pushes and a table of hex codes.
// 4. Each drawing operator was its own small byte array kept until the end (page numbers need
//    every page buffered); operators are now gathered per page and written as one string.

type Doc = InstanceType<typeof PDFDocument>;

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  advanceWidth: number;
}

interface Run {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}

interface EmbeddedFontInternals {
  font?: unknown;
  layoutCache?: Record<string, unknown>;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: Glyph[] | null; positions: Position[] | null; advanceWidth: number };
  encode(text: string, features?: unknown): [string[], Position[]];
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
    if (typeof embedded.layoutCached === "function" && typeof embedded.subset?.includeGlyph === "function") {
      embedded.layout = layout;
      embedded.encode = encode;
    }
  }
}

/** pdfkit's EmbeddedFont.layout: shapes word by word (a word keeps its trailing space or tab). */
function layout(this: EmbeddedFontInternals, text: string, features?: unknown, onlyWidth?: boolean) {
  if (features) return this.layoutRun(text, features);
  const glyphs: Glyph[] | null = onlyWidth ? null : [];
  const positions: Position[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const ch = text.charCodeAt(index); // NaN past the end
    if ((index === text.length && last < index) || ch === 32 || ch === 9) {
      const run = this.layoutCached(text.slice(last, ++index));
      if (glyphs && positions) {
        for (let i = 0; i < run.glyphs.length; i++) glyphs.push(run.glyphs[i]);
        for (let i = 0; i < run.positions.length; i++) positions.push(run.positions[i]);
      }
      advanceWidth += run.advanceWidth;
      last = index;
    } else {
      index++;
    }
  }
  return { glyphs, positions, advanceWidth };
}

const HEX4: string[] = [];

/** pdfkit's EmbeddedFont.encode: glyph ids of the subset as 4-digit hex, with their positions. */
function encode(this: EmbeddedFontInternals, text: string, features?: unknown): [string[], Position[]] {
  const { glyphs, positions } = this.layout(text, features);
  const res: string[] = [];
  if (!glyphs || !positions) return [res, []];
  for (const glyph of glyphs) {
    const gid = this.subset.includeGlyph(glyph.id);
    res.push((HEX4[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
    if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
    if (this.unicode[gid] == null) this.unicode[gid] = glyph.codePoints;
  }
  return [res, positions];
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
