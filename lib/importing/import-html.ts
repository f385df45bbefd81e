import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { BlockNode } from "@/lib/document/types";
import { AppError } from "@/lib/errors";
import { cleanBlocks } from "./clean-blocks";
import { blockText, docOf } from "./doc-utils";
import { htmlToBlocks } from "./html-to-doc";
import { assertLooksLikeText, assertNotEmpty, assertWithinLimit, maxImportBytes, utf8Length } from "./input-guards";
import { limitHtmlStructure } from "./limit-html-structure";
import { blocksOutsideArticle, withOutsideRuns } from "./outside-article";
import { authorsOf, cleanString, dateFromLine, dateFromUrl, excerptOf, isoDate, jsonLdFacts, languageTag } from "./metadata";
import { sanitizeArticleHtml } from "./sanitize";
import type { ImportKind, ImportMetadata, ImportOptions, ImportResult } from "./types";
import { safeUrl } from "@/lib/document/escape";
import { detectLanguage } from "./detect-language";

export interface HtmlImportOptions extends ImportOptions {
  /**
   * "page": a whole web page, run through Readability to find the article. "fragment": the
   * article itself (clipboard HTML, Markdown or .docx output), kept whole. "auto" decides by
   * looking for page structure (<html>, <head>, <body>, <nav>...).
   */
  mode?: "auto" | "page" | "fragment";
  /** Recorded as the result's importKind (Markdown and .docx reuse this path). */
  importKind?: ImportKind;
}

function looksLikeWholePage(html: string): boolean {
  if (/<!--\s*StartFragment\s*-->/i.test(html)) return false;
  return /<(html|head|body|nav|header|footer|article|main|title)[\s>]/i.test(html.slice(0, 200_000));
}

/** The clipboard's copied part: browsers wrap it in <!--StartFragment--> ... <!--EndFragment-->. */
function clipboardFragment(html: string): string {
  const m = /<!--\s*StartFragment\s*-->([\s\S]*?)<!--\s*EndFragment\s*-->/i.exec(html);
  return m ? m[1] : html;
}

function meta(document: Document, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute("content") ?? el?.getAttribute("href");
    if (v && v.trim()) return v.trim();
  }
  return null;
}

export const NOT_AN_ARTICLE =
  "This page may not be an article (a home page, a section or search page, or a log-in wall?). Check the text found on it below, remove what is not the story, or import the article's own address.";

interface Extracted {
  html: string;
  /** Readability's own test: the page has an article-sized run of text. */
  readerable: boolean;
  /** The page's body as it was before extraction, to list what the extractor left out. */
  pageHtml: string;
  metadata: Omit<ImportMetadata, "excerpt" | "sourceUrl"> & { excerpt: string | null; canonicalUrl: string | null };
}

function extractArticle(html: string): Extracted | null {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const canonicalUrl = meta(doc, 'link[rel="canonical"]', 'meta[property="og:url"]');
  const language = doc.documentElement?.getAttribute("lang") ?? meta(doc, 'meta[http-equiv="content-language" i]', 'meta[property="og:locale"]');
  // Read before Readability, which rewrites the document.
  const ld = jsonLdFacts(Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ""));
  const timeEl = doc.querySelector("article time[datetime], time[pubdate][datetime], time[datetime]");
  const metaDate = meta(doc, 'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]');
  const pageHtml = doc.body?.innerHTML ?? "";
  const readerable = isProbablyReaderable(doc);
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  if (!article || !article.content || !(article.textContent ?? "").trim()) return null;
  return {
    html: article.content,
    readerable,
    pageHtml,
    metadata: {
      title: withoutSiteSuffix(cleanString(article.title), cleanString(article.siteName)),
      byline: cleanString(article.byline),
      siteName: cleanString(article.siteName) ?? ld.publisher,
      publishedAt: isoDate(article.publishedTime) ?? isoDate(ld.datePublished) ?? isoDate(metaDate) ?? isoDate(timeEl?.getAttribute("datetime")) ?? dateFromUrl(canonicalUrl),
      authors: ld.authors.length ? ld.authors : authorsOf(article.byline),
      language: languageTag(article.lang ?? language),
      excerpt: cleanString(article.excerpt, 1000),
      canonicalUrl: safeUrl(canonicalUrl),
    },
  };
}

/** "Story | Site Name" → "Story" when the suffix is the page's own site name. */
export function withoutSiteSuffix(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const stripped = title.replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, "i"), "").trim();
  return stripped || title;
}

function noArticle(): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "We found no article text in this HTML. Check that the page is the article itself (not a home page or a log-in wall), or paste the article's text instead.",
  );
}

/** HTML (a saved page, clipboard HTML, or converted Markdown/.docx) → cleaned article document. */
export function importHtml(input: string, options: HtmlImportOptions = {}): ImportResult {
  assertWithinLimit(utf8Length(input), maxImportBytes(options.maxBytes));
  assertNotEmpty(input, "The HTML");
  assertLooksLikeText(input, "The HTML");
  // Before any parser builds a tree: too many elements is refused, too deep is flattened.
  const { html } = limitHtmlStructure(input);

  const mode = options.mode === "auto" || !options.mode ? (looksLikeWholePage(html) ? "page" : "fragment") : options.mode;
  const extracted = mode === "page" ? extractArticle(html) : null;
  const body = extracted ? extracted.html : mode === "page" ? html : clipboardFragment(html);
  const sourceUrl = safeUrl(options.sourceUrl) ?? extracted?.metadata.canonicalUrl ?? null;

  const captions = new WeakSet<BlockNode>();
  const articleBlocks = htmlToBlocks(sanitizeArticleHtml(body), { baseUrl: sourceUrl, captions });
  if (!articleBlocks.some((b) => blockText(b).trim() !== "")) throw noArticle();
  const { blocks, runOf } = extracted
    ? withOutsideRuns(
        articleBlocks,
        blocksOutsideArticle(htmlToBlocks(sanitizeArticleHtml(extracted.pageHtml), { baseUrl: sourceUrl }), articleBlocks, [
          extracted.metadata.title,
          extracted.metadata.byline,
        ]),
      )
    : { blocks: articleBlocks, runOf: undefined };

  const known = extracted?.metadata.title;
  const notAnArticle = mode === "page" && (!extracted || !extracted.readerable);
  const clean = (furniture: "page" | "inline" | "off") =>
    cleanBlocks(blocks, {
      title: known ? { known } : "first-heading",
      restore: options.restore,
      detectByline: !extracted?.metadata.byline,
      furniture,
      captions,
      outside: runOf,
      pageUrl: sourceUrl,
    });
  const hasText = (result: { blocks: BlockNode[] }) => result.blocks.some((b) => blockText(b).trim() !== "");
  let cleaned = clean(mode === "page" ? "page" : "inline");
  // A page that is not an article is all furniture by the rules: show what was found instead.
  if (!hasText(cleaned) && notAnArticle) cleaned = clean("off");
  if (!hasText(cleaned) && !(options.restore?.length)) throw noArticle();

  const m = extracted?.metadata;
  return {
    importKind: options.importKind ?? "html",
    document: docOf(cleaned.blocks),
    metadata: {
      title: cleaned.title ?? m?.title ?? null,
      byline: m?.byline ?? cleaned.byline,
      authors: m?.authors.length ? m.authors : authorsOf(m?.byline ?? cleaned.byline),
      siteName: m?.siteName ?? null,
      publishedAt: m?.publishedAt ?? dateFromLine(cleaned.dateLine) ?? dateFromUrl(sourceUrl),
      canonicalUrl: m?.canonicalUrl ?? null,
      language: m?.language ?? detectLanguage(cleaned.blocks.map(blockText).join(" ")),
      sourceUrl,
      excerpt: m?.excerpt ?? excerptOf(cleaned.blocks),
    },
    removedBlocks: cleaned.removed,
    // A page whose article could not be found is shown whole; one Readability doubts is flagged.
    ...(notAnArticle ? { warnings: [NOT_AN_ARTICLE] } : {}),
  };
}
