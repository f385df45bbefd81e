import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { AppError } from "@/lib/errors";

// Caps the nesting depth and element count of HTML before any parser builds a tree from it.
// Tree builders (htmlparser2's, so linkedom's and sanitize-html's) and Readability spend time
// that grows with the square of the nesting depth: 3,000 nested elements in 33 KB blocked the
// server for minutes. This pass runs htmlparser2's own tokenizer (linear) and mirrors the tree
// rules of its Parser (implied closes, void elements, self-closing only in SVG/MathML), so the
// depth counted here is the depth those parsers will build. Tags deeper than the cap are
// dropped (their text stays, flattened into the element at the cap); too many elements is a
// refusal.

/** Deeper than any article page we have seen (the extraction benchmark's deepest is 51). */
export const MAX_HTML_DEPTH = 100;
/** About 25 times the element count of a large news page. */
export const MAX_HTML_ELEMENTS = 50_000;

export interface HtmlStructureLimits {
  maxDepth?: number;
  maxElements?: number;
}

export interface HtmlStructure {
  /** The HTML, with tags below the depth cap removed (the input itself when none were). */
  html: string;
  /** Elements seen, and the deepest nesting before flattening. */
  elements: number;
  depth: number;
  /** How many start tags were removed. */
  flattened: number;
}

// htmlparser2 10.1.0's Parser tables (lib/Parser.ts), which linkedom and sanitize-html use.
const P = new Set(["p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const DDT = new Set(["dd", "dt"]);
const RTP = new Set(["rt", "rp"]);
const TABLE_SECTION = new Set(["thead", "tbody"]);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["select", FORM], ["input", FORM], ["output", FORM], ["button", FORM], ["datalist", FORM], ["textarea", FORM],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", DDT], ["dt", DDT], ["rt", RTP], ["rp", RTP],
  ["tbody", TABLE_SECTION], ["tfoot", TABLE_SECTION],
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "details", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul",
  ].map((tag) => [tag, P] as [string, Set<string>]),
]);
const VOID = new Set([
  "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen",
  "link", "meta", "param", "source", "track", "wbr",
]);
const FOREIGN = new Set(["math", "svg"]);
const HTML_INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"]);

class TooManyElements extends Error {}

interface Open {
  name: string;
  dropped: boolean;
}

class StructureScanner implements TokenizerCallbacks {
  // Top of stack at the end (push/pop are O(1); htmlparser2's unshift is what makes it quadratic).
  private readonly stack: Open[] = [];
  private readonly openCount = new Map<string, number>();
  private readonly foreign: boolean[] = [false];
  /** [start, end) ranges of the input to leave out. */
  readonly cuts: number[] = [];
  elements = 0;
  depth = 0;
  private tag: { name: string; start: number } | null = null;

  constructor(private readonly maxDepth: number, private readonly maxElements: number) {}

  private push(name: string, dropped: boolean) {
    this.stack.push({ name, dropped });
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (this.stack.length > this.depth) this.depth = this.stack.length;
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
  }

  private pop(): Open {
    const top = this.stack.pop()!;
    this.openCount.set(top.name, this.openCount.get(top.name)! - 1);
    return top;
  }

  onopentagname(start: number, end: number) {
    this.elements++;
    if (this.elements > this.maxElements) throw new TooManyElements();
    const name = this.slice(start, end).toLowerCase();
    const impliesClose = OPEN_IMPLIES_CLOSE.get(name);
    if (impliesClose) {
      while (this.stack.length > 0 && impliesClose.has(this.stack[this.stack.length - 1].name)) this.pop();
    }
    this.tag = { name, start: start - 1 };
  }

  /** The start tag is complete: it opens an element (unless void), at the depth it lands on. */
  private openTag(end: number, selfClosed: boolean) {
    const tag = this.tag;
    this.tag = null;
    // Void and self-closed elements never hold others, so they never deepen the tree.
    if (!tag || VOID.has(tag.name) || selfClosed) return;
    const deep = this.stack.length + 1 > this.maxDepth;
    if (deep) this.cuts.push(tag.start, end + 1);
    this.push(tag.name, deep);
  }

  onopentagend(end: number) {
    this.openTag(end, false);
  }

  onselfclosingtag(end: number) {
    // Like htmlparser2: `<x/>` closes itself only in SVG and MathML; elsewhere it is an open tag.
    this.openTag(end, this.foreign[this.foreign.length - 1]);
  }

  onclosetag(start: number, end: number) {
    const name = this.slice(start, end).toLowerCase();
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (VOID.has(name) || !this.openCount.get(name)) return;
    let closed: Open;
    do closed = this.pop();
    while (closed.name !== name);
    if (closed.dropped) this.cuts.push(start - 2, end + 1);
  }

  ontext() {}
  ontextentity() {}
  onattribdata() {}
  onattribentity() {}
  onattribend() {}
  onattribname() {}
  oncdata() {}
  oncomment() {}
  ondeclaration() {}
  onprocessinginstruction() {}
  onend() {}

  source = "";
  private slice(start: number, end: number) {
    return this.source.slice(start, end);
  }
}

function tooManyElements(max: number): AppError {
  return new AppError(
    "UNPROCESSABLE",
    `The HTML has more than ${max.toLocaleString("en-US")} elements, far more than an article page. Save only the article (or its text) and import that, or paste the article's text.`,
    { maxElements: max },
  );
}

/**
 * Measures the HTML's nesting and element count in one linear pass; refuses more than
 * `maxElements` elements and removes the tags nested deeper than `maxDepth` (keeping their
 * text). Returns the input string unchanged when it is within both limits.
 */
export function limitHtmlStructure(html: string, limits: HtmlStructureLimits = {}): HtmlStructure {
  const maxDepth = limits.maxDepth ?? MAX_HTML_DEPTH;
  const maxElements = limits.maxElements ?? MAX_HTML_ELEMENTS;
  const scanner = new StructureScanner(maxDepth, maxElements);
  scanner.source = html;
  // decodeEntities off: entities don't change structure, and skipping them keeps the pass cheap.
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: false }, scanner);
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (e) {
    if (e instanceof TooManyElements) throw tooManyElements(maxElements);
    throw e;
  }
  const { cuts } = scanner;
  if (cuts.length === 0) return { html, elements: scanner.elements, depth: scanner.depth, flattened: 0 };
  // Cuts were recorded in document order; join what lies between them.
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    if (cuts[i] < at) continue;
    parts.push(html.slice(at, cuts[i]));
    at = cuts[i + 1];
  }
  parts.push(html.slice(at));
  return { html: parts.join(""), elements: scanner.elements, depth: scanner.depth, flattened: cuts.length / 2 };
}
