// Page furniture that only shows as a pattern over several blocks: lists of links to the site's
// other stories (a "More from UK" box inside the story), teaser cards of other stories after it
// (kicker, linked headline, summary, repeated), a tag line, and the author's bio closing the
// page. No rule names a site: each reads links (where they point, how much of a block they
// cover), position (after the story's last paragraph) and repetition.
import type { BlockNode, InlineNode } from "@/lib/document/types";
import { inlineOf, linkDensity } from "./furniture";

export interface RunDecision {
  reason: string;
}

export const SITE_LINKS_REASON = "Links to other stories on the same site";
export const TEASERS_REASON = "Teasers of other stories (headline, kicker, summary)";
export const TAGS_REASON = "Tag list (links to topic pages)";
export const BIO_REASON = "Author bio at the end of the page";

const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const clean = (t: string) => t.replace(/\s+/g, " ").trim();
const SENTENCE_END = /[.!…。！]["'”’»)\]]*$/u;

/** "www.news.example.co.uk" → "example.co.uk": the part of a host that names the site. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host || /^[\d.]+$/.test(host)) return host || null;
  const labels = host.split(".");
  if (labels.length <= 2) return host;
  const second = labels[labels.length - 2];
  const tld = labels[labels.length - 1];
  const keep = tld.length === 2 && (second.length <= 3 || ["gouv", "govt"].includes(second)) ? 3 : 2;
  return labels.slice(-keep).join(".");
}

const withoutQuery = (url: string) => url.replace(/[?#].*$/, "").replace(/\/+$/, "");

function linkTargets(nodes: InlineNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.type !== "text") continue;
    const link = n.marks?.find((m) => m.type === "link");
    const href = link?.attrs?.href;
    if (typeof href === "string") out.push(href);
  }
  return out;
}

/** Items of a list (their inline text), or the block itself as one item. */
function itemsOf(block: BlockNode): InlineNode[][] {
  if (block.type === "bulletList" || block.type === "orderedList") {
    return block.content.map((item) => (item.content ?? []).flatMap((b) => inlineOf(b as BlockNode)));
  }
  if (block.type === "paragraph" || block.type === "heading") return [block.content ?? []];
  return [];
}

function inlineText(nodes: InlineNode[]): string {
  return clean(nodes.map((n) => (n.type === "text" ? n.text : " ")).join(""));
}

/** Share of the letters in these nodes that sit inside links. */
function density(nodes: InlineNode[]): number {
  return linkDensity({ type: "paragraph", content: nodes });
}

/**
 * An item that is a whole link to another page, worded like a headline: "Prince Andrew: BT
 * abandons ties with duke" linking to /story/...; not a sentence with a link in it.
 */
function headlineLink(nodes: InlineNode[], pageUrl: string | null): string[] | null {
  const text = inlineText(nodes);
  const n = words(text);
  if (n < 3 || n > 30 || SENTENCE_END.test(text) || density(nodes) < 0.9) return null;
  const targets = linkTargets(nodes);
  if (!targets.length) return null;
  const self = pageUrl ? withoutQuery(pageUrl) : null;
  if (targets.some((t) => withoutQuery(t) === self || /^mailto:/i.test(t))) return null;
  return targets;
}

interface Block {
  block: BlockNode;
  text: string;
}

/**
 * Runs over the blocks not decided yet. `decided` holds the indices other rules have already
 * removed (they are skipped, and a run may span them). Returns the new decisions by index.
 */
export function runFurniture(input: Block[], decided: ReadonlySet<number>, pageUrl: string | null): Map<number, RunDecision> {
  const out = new Map<number, RunDecision>();
  const open = (i: number) => !decided.has(i) && !out.has(i);
  siteLinkLists(input, open, pageUrl, out);
  teaserCards(input, open, pageUrl, out);
  tagLines(input, open, out);
  closingBio(input, open, out);
  return out;
}

const RELATED_LABEL = /^(more|related|read (more|also|next)|see also|also read|more (from|on|in|about) .{1,40}|recommended|leia (também|mais)|lire aussi|leggi anche|lesen sie auch|baca juga|lees ook)\s*[:.…]?$/iu;

/**
 * Links to the site's own other stories, in a list or in a run of linked headline lines: every
 * item a whole link to another page of the same site. Three items make a run (two under a
 * "More:" or "Related" label). A story's own list of sources links elsewhere, or carries text
 * around its links, and stays.
 */
function siteLinkLists(input: Block[], open: (i: number) => boolean, pageUrl: string | null, out: Map<number, RunDecision>): void {
  const site = siteOf(pageUrl);
  if (!site) return;
  const isSiteLinks = (b: Block): number => {
    if (b.block.type !== "paragraph" && b.block.type !== "heading" && b.block.type !== "bulletList" && b.block.type !== "orderedList") return 0;
    const items = itemsOf(b.block).filter((it) => inlineText(it) !== "");
    if (!items.length) return 0;
    for (const it of items) {
      const targets = headlineLink(it, pageUrl);
      if (!targets || targets.some((t) => siteOf(t) !== site)) return 0;
    }
    return items.length;
  };
  let i = 0;
  while (i < input.length) {
    if (!open(i) || !isSiteLinks(input[i])) {
      i++;
      continue;
    }
    const run: number[] = [];
    let items = 0;
    let j = i;
    for (; j < input.length; j++) {
      if (!open(j) || input[j].block.type === "figure") continue;
      const k = isSiteLinks(input[j]);
      if (!k) break;
      run.push(j);
      items += k;
    }
    // A label just above the run ("More:", "Related stories"), kept or already removed.
    let label = -1;
    for (let p = i - 1; p >= 0 && p >= i - 2; p--) {
      if (input[p].block.type === "figure") continue;
      if (RELATED_LABEL.test(clean(input[p].text))) label = p;
      break;
    }
    if (items >= 3 || (items >= 2 && label >= 0)) {
      for (const r of run) out.set(r, { reason: SITE_LINKS_REASON });
      if (label >= 0 && open(label)) out.set(label, { reason: SITE_LINKS_REASON });
    }
    i = j;
  }
}

const MAX_CARD_TEXT_WORDS = 50;
const MAX_KICKER_WORDS = 12;
const MIN_STORY_WORDS_BEFORE_TEASERS = 150;

/**
 * Teaser cards of other stories after the story: three or more linked headlines, each with at
 * most a short kicker above and a short summary below, and no story text after the last one.
 * The story's own paragraphs never sit between two linked headlines only a summary apart
 * to the end of the page.
 */
function teaserCards(input: Block[], open: (i: number) => boolean, pageUrl: string | null, out: Map<number, RunDecision>): void {
  const live = input.map((_, i) => i).filter((i) => open(i) && input[i].block.type !== "figure" && input[i].text.trim() !== "");
  const anchor = (i: number) => (input[i].block.type === "paragraph" || input[i].block.type === "heading") && headlineLink(input[i].block.content ?? [], pageUrl) !== null;
  const short = (i: number, max: number) => {
    const b = input[i].block;
    return (b.type === "paragraph" || b.type === "heading") && words(input[i].text) <= max;
  };
  const kicker = (i: number) => short(i, MAX_KICKER_WORDS) && !SENTENCE_END.test(clean(input[i].text));
  // What sits between two teaser headlines: the first one's summary, then the next one's kicker.
  const cardGap = (gap: number[], kickerAllowed: boolean) => {
    let k = 0;
    if (k < gap.length && short(gap[k], MAX_CARD_TEXT_WORDS)) k++;
    if (k < gap.length && kickerAllowed && kicker(gap[k])) k++;
    // After the last card only short furniture (labels, buttons) may follow.
    while (!kickerAllowed && k < gap.length && kicker(gap[k])) k++;
    return k === gap.length;
  };
  // Positions (in `live`) of the anchors, grouped in chains with card-sized gaps.
  const anchors = live.map((i, p) => (anchor(i) ? p : -1)).filter((p) => p >= 0);
  if (anchors.length < 3) return;
  let chain: number[] = [anchors[0]];
  const chains: number[][] = [];
  for (let a = 1; a < anchors.length; a++) {
    const prev = chain[chain.length - 1];
    const fits = cardGap(live.slice(prev + 1, anchors[a]), true);
    if (fits) chain.push(anchors[a]);
    else {
      chains.push(chain);
      chain = [anchors[a]];
    }
  }
  chains.push(chain);
  const last = chains[chains.length - 1];
  if (last.length < 3) return;
  // After the last headline: at most a summary (and short furniture), then the page ends.
  const end = last[last.length - 1];
  if (!cardGap(live.slice(end + 1), false)) return;
  const from = last[0] > 0 && kicker(live[last[0] - 1]) ? last[0] - 1 : last[0];
  // Teasers follow a story: a page that is all linked headlines with notes (a link blog, a
  // roundup) is its own story and stays.
  const storyWords = live.slice(0, from).reduce((sum, i) => sum + words(input[i].text), 0);
  const cardWords = live.slice(from).reduce((sum, i) => sum + words(input[i].text), 0);
  if (storyWords < MIN_STORY_WORDS_BEFORE_TEASERS || storyWords < cardWords / 2) return;
  for (let p = from; p < live.length; p++) out.set(live[p], { reason: TEASERS_REASON });
}

const TAG_LABEL = /^(tags?|tagged( with| in)?|topics?|keywords?|subjects?|labels?|palavras[- ]chave|etiquetas|temas|schlagwörter|schlagworte|themen|argomenti|mots[- ]clés|sujets|trefwoorden|tag terkait)\s*[:：]?/iu;

/** "Tags: a, b, c" (or a "Tags" label over a line of links): the links to the site's topic pages. */
function tagLines(input: Block[], open: (i: number) => boolean, out: Map<number, RunDecision>): void {
  input.forEach((b, i) => {
    if (!open(i) || (b.block.type !== "paragraph" && b.block.type !== "heading")) return;
    const text = clean(b.text);
    const m = TAG_LABEL.exec(text);
    if (!m) return;
    const rest = text.slice(m[0].length).trim();
    if (rest === "") {
      // A label alone: the next block must be the links.
      const next = input.findIndex((x, j) => j > i && open(j) && x.text.trim() !== "");
      if (next < 0) return;
      const nb = input[next].block;
      if ((nb.type === "paragraph" || nb.type === "bulletList") && words(input[next].text) <= 80 && linkDensity(nb) >= 0.6) {
        out.set(i, { reason: TAGS_REASON });
        out.set(next, { reason: TAGS_REASON });
      }
      return;
    }
    if (words(rest) <= 80 && linkDensity(b.block) >= 0.6) out.set(i, { reason: TAGS_REASON });
  });
}

const BIO_START = /^((?:\p{Lu}[\p{L}'’.-]+\s){1,4})(is|was|has been|writes|covers|joined|lives)\b/u;
const BIO_WORDS =
  /\b(writer|editor|reporter|journalist|author|correspondent|columnist|contributor|freelance|freelancer|blogger|native|lives|living|based in|graduate|founder|host|producer|photographer|mom|mother|dad|father|wife|husband)\b/iu;

/**
 * The author's bio closing the page: the last text block, "Jane Doe is a freelance writer living
 * in ...", about someone the story itself never names.
 */
function closingBio(input: Block[], open: (i: number) => boolean, out: Map<number, RunDecision>): void {
  let lastText = -1;
  for (let i = input.length - 1; i >= 0; i--) {
    // Short lines under the bio (a handle, "Follow") do not count.
    if (open(i) && input[i].block.type !== "figure" && words(input[i].text) > 4) {
      lastText = i;
      break;
    }
  }
  if (lastText < 1 || input[lastText].block.type !== "paragraph") return;
  const text = clean(input[lastText].text);
  const n = words(text);
  const m = BIO_START.exec(text);
  if (!m || n < 6 || n > 110 || !BIO_WORDS.test(text)) return;
  const names = m[1].trim().split(/\s+/).filter((w) => w.length > 2);
  // An author box: the name on its own line (a heading over an avatar), then the bio.
  let nameLine = -1;
  for (let i = lastText - 1; i >= 0 && i >= lastText - 3; i--) {
    if (!open(i) || input[i].block.type === "figure" || input[i].text.trim() === "") continue;
    const line = clean(input[i].text);
    if (words(line) <= 4 && text.startsWith(line)) nameLine = i;
    break;
  }
  const before = input
    .slice(0, lastText)
    // Story text only: a byline line above the story names the author too.
    .filter((b, i) => open(i) && i !== nameLine && words(b.text) > 12)
    .map((b) => b.text)
    .join(" ");
  if (names.some((name) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\p{L}]|$)`, "u").test(before))) return;
  out.set(lastText, { reason: BIO_REASON });
  if (nameLine >= 0) out.set(nameLine, { reason: BIO_REASON });
}
