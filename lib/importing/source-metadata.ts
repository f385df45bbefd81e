import { parseHTML } from "linkedom";
import { cleanString, dateFromUrl, forEachJsonLd, isoDate } from "./metadata";
import { withoutSiteSuffix } from "./import-html";

// What a source citation needs from a web page: title, publisher and publication date. Read from
// the head, most specific first: Highwire citation_* tags (scholarly pages), schema.org JSON-LD,
// Open Graph and article:* tags, Dublin Core, then <title>, <time> and a date in the address.

export interface SourceMetadata {
  title: string | null;
  publisher: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
}

type Doc = { querySelector(sel: string): Element | null; querySelectorAll(sel: string): ArrayLike<Element> };

function metaContent(doc: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}" i]`) ?? doc.querySelector(`meta[property="${name}" i]`) ?? doc.querySelector(`meta[itemprop="${name}" i]`);
    const v = cleanString(el?.getAttribute("content"));
    if (v) return v;
  }
  return null;
}

const CREATIVE_WORK = /Article|Posting|Report|WebPage|ScholarlyArticle|Book|Dataset|CreativeWork|VideoObject|Chapter/i;

interface LdFacts {
  headline: string | null;
  publisher: string | null;
  datePublished: string | null;
}

function ldFacts(scripts: readonly string[]): LdFacts {
  const nameOf = (v: unknown): string | null =>
    typeof v === "string" ? cleanString(v, 200) : v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string" ? cleanString((v as { name: string }).name, 200) : null;
  const found: Array<LdFacts & { primary: boolean }> = [];
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== "object" || depth > 6) return;
    if (Array.isArray(node)) return node.slice(0, 50).forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o["@type"] ?? []).map(String);
    if (types.some((t) => CREATIVE_WORK.test(t))) {
      found.push({
        // A WebPage entry often sits beside the NewsArticle in one @graph: the article wins.
        primary: !types.every((t) => /WebPage|WebSite/i.test(t)),
        headline: cleanString(typeof o.headline === "string" ? o.headline : typeof o.name === "string" ? o.name : null, 500),
        publisher: nameOf(Array.isArray(o.publisher) ? o.publisher[0] : o.publisher) ?? nameOf(o.isPartOf),
        datePublished: typeof o.datePublished === "string" ? o.datePublished : typeof o.dateCreated === "string" ? o.dateCreated : null,
      });
    }
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  forEachJsonLd(scripts, (node) => visit(node, 0));
  const ordered = [...found.filter((f) => f.primary), ...found.filter((f) => !f.primary)];
  const first = (key: keyof LdFacts) => ordered.find((f) => f[key])?.[key] ?? null;
  return { headline: first("headline"), publisher: first("publisher"), datePublished: first("datePublished") };
}

/** citation_publication_date is often "2021/03/04" or just "2021": made ISO before parsing. */
function dayOf(value: string | null): string | null {
  if (!value) return null;
  const slashed = /^(\d{4})\/(\d{1,2})(?:\/(\d{1,2}))?$/.exec(value.trim());
  const normalised = slashed ? `${slashed[1]}-${slashed[2].padStart(2, "0")}-${(slashed[3] ?? "1").padStart(2, "0")}` : value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(normalised.trim())) return isoDate(`${normalised.trim()}T00:00:00Z`)?.slice(0, 10) ?? null;
  // Keeps the page's own calendar day when the timestamp carries an offset ("2020-05-01T23:30:00-05:00").
  const local = /^(\d{4}-\d{2}-\d{2})T/.exec(normalised.trim());
  if (local && isoDate(normalised)) return local[1];
  return isoDate(normalised)?.slice(0, 10) ?? null;
}

/** Title, publisher and publication date of the page at `url` (its HTML given), null where absent. */
export function sourceMetadataFromHtml(html: string, url: string): SourceMetadata {
  // Everything needed is in the head or near the top; a cut keeps a huge page cheap to parse.
  const { document } = parseHTML(html.length > 1_000_000 ? html.slice(0, 1_000_000) : html);
  const doc = document as unknown as Doc;
  const ld = ldFacts(Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ""));
  const siteName = metaContent(doc, "citation_publisher", "citation_journal_title", "og:site_name", "application-name", "DC.publisher");
  const publisher = siteName ?? ld.publisher;
  const rawTitle =
    metaContent(doc, "citation_title") ??
    ld.headline ??
    metaContent(doc, "og:title", "twitter:title", "DC.title", "headline") ??
    cleanString(doc.querySelector("title")?.textContent, 500) ??
    cleanString(doc.querySelector("h1")?.textContent, 500);
  const publishedOn =
    dayOf(metaContent(doc, "citation_publication_date", "citation_date", "citation_online_date")) ??
    dayOf(ld.datePublished) ??
    dayOf(metaContent(doc, "article:published_time", "datePublished", "DC.date.issued", "DC.date", "pubdate", "date", "sailthru.date", "parsely-pub-date")) ??
    dayOf(doc.querySelector("time[pubdate][datetime], article time[datetime], time[datetime]")?.getAttribute("datetime") ?? null) ??
    dateFromUrl(url)?.slice(0, 10) ??
    null;
  return {
    title: withoutSiteSuffix(rawTitle, publisher),
    publisher: publisher ? cleanString(publisher, 200) : null,
    publishedOn,
  };
}
