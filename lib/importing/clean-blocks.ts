import type { BlockNode } from "@/lib/document/types";
import {
  boilerplateReason,
  closingBylineName,
  endsLikeSentence,
  isRelatedListHeading,
  looksLikeHeadline,
  openingBylineName,
  strayTrailingPunctuation,
} from "./boilerplate";
import { blockText, trimInlineEnd } from "./doc-utils";
import { furnitureReason, isStoryParagraph } from "./furniture";
import { runFurniture } from "./furniture-runs";
import { dateFromLine } from "./metadata";
import type { RemovedBlock } from "./types";

export interface CleanOptions {
  restore?: readonly number[];
  /**
   * How to find the title among the blocks: "first-line" takes the first block when it reads
   * like a headline (plain text); a string is a title found elsewhere (HTML <title>) whose
   * repetition at the top is dropped; "first-heading" takes a leading heading (Markdown, .docx,
   * HTML fragments). Only an h1 or a headline-like first paragraph counts.
   */
  title: "first-line" | "first-heading" | { known: string };
  /** Look for a byline ("By ..." near the top, "Write ... at ..." near the end). */
  detectByline?: boolean;
  /**
   * Page furniture rules (furniture.ts). "page": all of them, including the header and footer
   * zones around the story (web pages, scraped text). "inline": only the rules for furniture
   * phrases, credits and link-only lines (the editor's own Markdown or .docx). Default "page".
   */
  furniture?: "page" | "inline" | "off";
  /** Paragraphs that are captions of images the importer could not keep (htmlToBlocks' `captions`). */
  captions?: WeakSet<BlockNode>;
  /**
   * Page text the article extractor left out, put back in place (outside-article.ts): each
   * such block with the index of its run's first block. A run is listed and restored as one.
   */
  outside?: Map<BlockNode, number>;
  /** The page's address: links to the same site's other pages are told from links elsewhere. */
  pageUrl?: string | null;
}

export const OUTSIDE_ARTICLE_REASON = "Outside the article on the page (left out by the extractor)";
const RUN_PREVIEW_CHARS = 400;
const MAX_REPEAT_DISTANCE = 3;

export interface CleanResult {
  blocks: BlockNode[];
  removed: RemovedBlock[];
  title: string | null;
  byline: string | null;
  /** The first date line removed above the story ("Published Nov 19, 2019"), for the metadata. */
  dateLine: string | null;
}

const normalize = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Removes boilerplate from the top-level blocks, recording each removal with its index so the
 * editor can restore it. Only whole short blocks are removed (or trailing stray punctuation
 * trimmed): a paragraph of the story is never dropped.
 */
export function cleanBlocks(input: BlockNode[], options: CleanOptions): CleanResult {
  const restore = new Set(options.restore ?? []);
  const texts = input.map(blockText);
  const decided = new Map<number, { reason: string; text: string; trim?: number }>();
  // Decided first, so the rules below see the article as the extractor found it.
  const runStart = new Map<number, number>();
  input.forEach((block, i) => {
    const first = options.outside?.get(block);
    if (first === undefined) return;
    runStart.set(i, first);
    if (restore.has(first)) restore.add(i);
    decided.set(i, { reason: OUTSIDE_ARTICLE_REASON, text: texts[i] });
  });
  let title: string | null = null;
  let byline: string | null = null;

  // Boilerplate lines, and the headline-only lines that follow a "Related Stories" heading.
  let inRelatedList = false;
  input.forEach((block, i) => {
    if (block.type !== "paragraph" && block.type !== "heading") {
      inRelatedList = false;
      return;
    }
    const text = texts[i];
    const reason = boilerplateReason(text);
    if (reason) {
      decided.set(i, { reason, text });
      inRelatedList = isRelatedListHeading(text) || (inRelatedList && reason !== null);
      return;
    }
    if (inRelatedList && text.trim() && looksLikeHeadline(text) && !endsLikeSentence(text)) {
      decided.set(i, { reason: "Headline in a related-stories list", text });
      return;
    }
    inRelatedList = false;
  });

  const firstContent = input.findIndex((b, i) => !decided.has(i) && texts[i].trim() !== "" && b.type !== "figure");

  // Title.
  if (firstContent >= 0) {
    const block = input[firstContent];
    const text = texts[firstContent].replace(/\s+/g, " ").trim();
    const t = options.title;
    if (t === "first-line") {
      const at = firstHeadline(input, texts, firstContent, decided);
      if (at >= 0) {
        title = texts[at].replace(/\s+/g, " ").trim();
        // Gallery and player controls above a copied headline ("1 of 24", "Full Screen").
        for (let i = firstContent; i < at; i++) if (!decided.has(i)) decided.set(i, { reason: "Page controls above the headline", text: texts[i] });
        decided.set(at, { reason: "Used as the title", text: title });
      }
    } else if (t === "first-heading") {
      // A leading h1, or a headline-like first paragraph followed by more text.
      if (block.type === "heading" ? block.attrs.level === 1 : looksLikeHeadline(text) && !endsLikeSentence(text) && input.length > 1) {
        title = text;
      }
    } else {
      const known = normalize(t.known);
      const candidate = normalize(text);
      if ((block.type === "heading" || block.type === "paragraph") && candidate && (known === candidate || (candidate.length > 10 && known.startsWith(candidate)))) {
        decided.set(firstContent, { reason: "Repeats the title", text });
      }
      title = t.known;
    }
    if (title && t === "first-heading") decided.set(firstContent, { reason: "Used as the title", text });
  } else if (typeof options.title === "object") {
    title = options.title.known;
  }

  // Byline.
  if (options.detectByline !== false) {
    for (let i = input.length - 1; i >= 0 && byline === null; i--) {
      if (decided.has(i) && decided.get(i)!.reason !== "Obfuscated e-mail address") continue;
      const block = input[i];
      if (block.type !== "paragraph") continue;
      const name = closingBylineName(texts[i]);
      if (name) {
        byline = name;
        decided.set(i, { reason: "Byline (moved to the article's metadata)", text: texts[i] });
      }
    }
    if (byline === null) {
      let seen = 0;
      for (let i = 0; i < input.length && seen < 4; i++) {
        const wasDateLine = /date line/i.test(decided.get(i)?.reason ?? "");
        if ((decided.has(i) && !wasDateLine) || input[i].type !== "paragraph") continue;
        const name = openingBylineName(texts[i]);
        // Share bars and controls above the byline do not count towards the lines looked at.
        if (!name && isStoryParagraph(input[i], texts[i]) && texts[i].split(/\s+/).length > 25) break;
        if (!name && (texts[i].trim().split(/\s+/).length <= 3 || furnitureReason(input[i], texts[i], "head"))) continue;
        seen++;
        if (name) {
          byline = name;
          const reason = wasDateLine || dateFromLine(texts[i]) ? "Byline and date line (moved to the article's metadata)" : "Byline (moved to the article's metadata)";
          decided.set(i, { reason, text: texts[i] });
          break;
        }
      }
    }
  }

  // Page furniture: header and footer zones around the story, credits, link-only lines.
  const furniture = options.furniture ?? "page";
  if (furniture === "page") {
    // Patterns over several blocks first (other stories' links and teasers, tags, a closing
    // bio), so the zones below start and end at the story's own paragraphs.
    const runs = runFurniture(
      input.map((block, i) => ({ block, text: texts[i] })),
      new Set(decided.keys()),
      options.pageUrl ?? null,
    );
    for (const [i, d] of runs) decided.set(i, { reason: d.reason, text: texts[i] });
    // Promotions and notices that close (or open) the page read like sentences, so the zones
    // would count them as story: peel them off the ends first.
    const peel = (from: number, step: 1 | -1, zone: "head" | "tail", kinds: RegExp) => {
      for (let i = from; i >= 0 && i < input.length; i += step) {
        if (decided.has(i) || input[i].type === "figure" || !texts[i].trim()) continue;
        const reason = furnitureReason(input[i], texts[i], zone);
        if (!reason || !kinds.test(reason)) break;
        decided.set(i, { reason, text: texts[i] });
      }
    };
    peel(input.length - 1, -1, "tail", /^(Promotion|Comment policy|Page furniture)/);
    peel(0, 1, "head", /^Promotion/);
  }
  if (furniture !== "off") {
    const story = input.map((b, i) => !decided.has(i) && isStoryParagraph(b, texts[i]));
    const first = story.indexOf(true);
    const last = story.lastIndexOf(true);
    const titleWords = title ? new Set(normalize(title).match(/[\p{L}\p{N}]+/gu) ?? []) : null;
    input.forEach((block, i) => {
      if (decided.has(i) || block.type === "figure") return;
      if (options.captions?.has(block)) {
        decided.set(i, { reason: "Caption of an image that was not kept", text: texts[i] });
        return;
      }
      const zone = first < 0 || i < first ? "head" : i > last ? "tail" : "body";
      // A second, slightly different copy of the headline above the story.
      if (zone === "head" && titleWords && (block.type === "heading" || block.type === "paragraph")) {
        const own = normalize(texts[i]).match(/[\p{L}\p{N}]+/gu) ?? [];
        if (own.length >= 3 && own.filter((w) => titleWords.has(w)).length / own.length >= 0.6) {
          decided.set(i, { reason: "Repeats the title", text: texts[i] });
          return;
        }
      }
      const reason = furnitureReason(block, texts[i], furniture === "page" ? zone : "body");
      if (!reason) return;
      if (furniture === "inline" && /^(Header|Footer) furniture|^Date line/.test(reason)) return;
      decided.set(i, { reason, text: texts[i] });
    });
  }

  // Second copies close together: a caption repeated as the standfirst, a pull quote set as
  // its own paragraph next to its sentence. Far apart, a repeat is the story's own (a refrain,
  // a list's recurring line) and stays.
  const lastSeen = new Map<string, number>();
  input.forEach((block, i) => {
    if (block.type !== "paragraph" && block.type !== "heading" && block.type !== "blockquote") return;
    const key = normalize(texts[i]);
    if (key.split(" ").length < 4) return;
    const before = lastSeen.get(key);
    if (before !== undefined && i - before <= MAX_REPEAT_DISTANCE && !decided.has(i)) {
      decided.set(i, { reason: "Repeats the paragraph just above (pull quote or caption copy)", text: texts[i] });
    }
    lastSeen.set(key, i);
  });

  // Stray punctuation after the last sentence of a paragraph.
  input.forEach((block, i) => {
    if (decided.has(i) || block.type !== "paragraph") return;
    const stray = strayTrailingPunctuation(texts[i]);
    if (stray) decided.set(i, { reason: "Stray punctuation trimmed from the end of the paragraph", text: stray.trim(), trim: stray.length });
  });

  const blocks: BlockNode[] = [];
  const removed: RemovedBlock[] = [];
  input.forEach((block, i) => {
    const decision = decided.get(i);
    if (decision && !restore.has(i) && runStart.has(i)) {
      if (runStart.get(i) === i) removed.push({ index: i, text: runText(input, texts, i, runStart), reason: decision.reason });
    } else if (decision && !restore.has(i)) removed.push({ index: i, text: decision.text, reason: decision.reason });
    if (!decision || restore.has(i)) {
      blocks.push(block);
      return;
    }
    if (decision.trim !== undefined && block.type === "paragraph") {
      blocks.push({ ...block, content: trimInlineEnd(block.content ?? [], decision.trim) });
    }
  });
  const dateLine = removed.find((r) => /date line/i.test(r.reason) || /^(published|updated|posted)\b/i.test(r.text))?.text ?? null;
  return { blocks, removed, title, byline, dateLine };
}

/** A left-out run's text as one entry: its blocks separated by " · ", shortened. */
function runText(input: BlockNode[], texts: string[], first: number, runStart: Map<number, number>): string {
  const parts: string[] = [];
  let length = 0;
  let count = 0;
  for (let i = first; i < input.length && runStart.get(i) === first; i++) {
    count++;
    if (length < RUN_PREVIEW_CHARS) {
      const text = texts[i].replace(/\s+/g, " ").trim();
      parts.push(text);
      length += text.length + 3;
    }
  }
  const joined = parts.join(" · ");
  const shown = joined.length > RUN_PREVIEW_CHARS ? `${joined.slice(0, RUN_PREVIEW_CHARS).trimEnd()}…` : joined;
  return count > 1 ? `${shown} (${count} blocks)` : shown;
}

const MAX_LINES_ABOVE_HEADLINE = 12;

/**
 * The headline of pasted text: the first line that reads like one, looking past the short
 * controls and page furniture a copied page starts with, but never past the story itself.
 * -1 when there is none.
 */
function firstHeadline(input: BlockNode[], texts: string[], from: number, decided: Map<number, unknown>): number {
  for (let i = from, seen = 0; i < input.length && seen < MAX_LINES_ABOVE_HEADLINE; i++) {
    if (decided.has(i)) continue;
    seen++;
    const block = input[i];
    const text = texts[i].replace(/\s+/g, " ").trim();
    if (block.type !== "paragraph" && block.type !== "heading") return -1;
    const words = text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    // The first line may be a short headline; past controls, a headline has more than three words.
    const headline = looksLikeHeadline(text) && !endsLikeSentence(text);
    if (headline && (seen === 1 || words > 3)) return i;
    const control = words <= 3 || furnitureReason(block, text, "head") !== null;
    if (!control || isStoryParagraph(block, texts[i])) return -1;
  }
  return -1;
}
