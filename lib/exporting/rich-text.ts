import { decodeEntities, httpUrl } from "./text";

// Rationale HTML (sanitized on write: p, br, strong/b, em/i, a, ul, ol, li) as blocks of
// formatted runs, so every export keeps bold, italic, links and lists in its own markup.
// Pure: a small tokenizer is enough for that closed set of tags; anything else is dropped.

export interface RichRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** http(s) or mailto target, else null. */
  href: string | null;
}

export interface RichBlock {
  /** The list this block is an item of, or null for a paragraph. */
  list: "ul" | "ol" | null;
  /** 1-based number of the item in its ordered list (0 for paragraphs and bullets). */
  number: number;
  /** Nesting depth of the list item (0 = top level). */
  depth: number;
  runs: RichRun[];
}

const TOKEN = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->|([^<]+)|</gi;

function linkTarget(attrs: string): string | null {
  const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  if (!m) return null;
  const href = decodeEntities(m[1] ?? m[2] ?? m[3] ?? "").trim();
  if (/^mailto:[^\s]+$/i.test(href)) return href;
  return httpUrl(href);
}

/** Parses sanitized rationale HTML into blocks of runs; whitespace collapsed as a browser would. */
export function parseRichText(html: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  const lists: Array<{ kind: "ul" | "ol"; count: number }> = [];
  let bold = 0;
  let italic = 0;
  const links: Array<string | null> = [];
  let current = null as RichBlock | null;

  const flush = () => {
    if (!current) return;
    const runs = tidyRuns(current.runs);
    if (runs.length) blocks.push({ ...current, runs });
    current = null;
  };
  const open = (list: RichBlock["list"], number: number) => {
    flush();
    current = { list, number, depth: Math.max(0, lists.length - 1), runs: [] };
  };
  const add = (text: string) => {
    if (!current) open(null, 0);
    current!.runs.push({ text, bold: bold > 0, italic: italic > 0, href: links.at(-1) ?? null });
  };

  for (const m of html.matchAll(TOKEN)) {
    const [, closing, rawTag, attrs, text] = m;
    if (text !== undefined) {
      add(decodeEntities(text.replace(/\s+/g, " ")).replace(/\u00a0/g, " "));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    const end = closing === "/";
    switch (tag) {
      case "p":
      case "div":
        if (end) flush();
        else if (lists.length && current?.list) {
          // A paragraph inside a list item continues the item.
        } else open(null, 0);
        break;
      case "br":
        add("\n");
        break;
      case "strong":
      case "b":
        bold += end ? (bold > 0 ? -1 : 0) : 1;
        break;
      case "em":
      case "i":
        italic += end ? (italic > 0 ? -1 : 0) : 1;
        break;
      case "a":
        if (end) links.pop();
        else links.push(linkTarget(attrs ?? ""));
        break;
      case "ul":
      case "ol":
        flush();
        if (end) lists.pop();
        else lists.push({ kind: tag, count: 0 });
        break;
      case "li": {
        if (end) {
          flush();
          break;
        }
        const list = lists.at(-1) ?? { kind: "ul" as const, count: 0 };
        list.count += 1;
        open(list.kind, list.kind === "ol" ? list.count : 0);
        break;
      }
    }
  }
  flush();
  return blocks;
}

/** Merges runs of the same format and trims the block's outer whitespace (line breaks kept). */
function tidyRuns(runs: RichRun[]): RichRun[] {
  const merged: RichRun[] = [];
  for (const r of runs) {
    const last = merged.at(-1);
    if (last && last.bold === r.bold && last.italic === r.italic && last.href === r.href) last.text += r.text;
    else merged.push({ ...r });
  }
  for (const r of merged) r.text = r.text.replace(/ *\n */g, "\n");
  // Collapse the space between runs ("a <b> b</b>" → one space).
  for (let i = 1; i < merged.length; i++) {
    if (/[ \n]$/.test(merged[i - 1].text) && merged[i].text.startsWith(" ")) merged[i].text = merged[i].text.slice(1);
  }
  if (merged.length) {
    merged[0].text = merged[0].text.replace(/^[ \n]+/, "");
    merged[merged.length - 1].text = merged[merged.length - 1].text.replace(/[ \n]+$/, "");
  }
  return merged.filter((r) => r.text !== "");
}

/** The marker a list item is shown with in plain-text formats ("• " or "3. "). */
export function listMarker(block: RichBlock): string {
  if (block.list === "ol") return `${block.number}. `;
  if (block.list === "ul") return "• ";
  return "";
}

/** The plain text of a block (no formatting), for right-to-left fallbacks. */
export function blockText(block: RichBlock): string {
  return block.runs.map((r) => r.text).join("");
}
