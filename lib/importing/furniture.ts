// General rules for page furniture that extractors leave around and inside an article: the
// header zone (dates, bylines, labels before the story starts), the footer zone (author boxes,
// tags, "more stories" lines after it ends), link-only lines (navigation, related stories), photo
// credits and captions, all-caps promotions. No rule names a site: each looks at the shape of a
// block (length, sentence punctuation, share of linked text, position) or a furniture phrase.
import type { BlockNode, InlineNode } from "@/lib/document/types";

const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const clean = (t: string) => t.replace(/\s+/g, " ").trim();
/** CJK and Thai text has no spaces: count its characters in words' stead. */
const size = (t: string) => Math.max(words(t), Math.round((t.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu) ?? []).length / 2.5));
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

/** A paragraph that is story text: long, or a full sentence of some length. */
export function isStoryParagraph(block: BlockNode, text: string): boolean {
  if (block.type !== "paragraph" && block.type !== "blockquote") return false;
  const t = clean(text);
  const n = size(t);
  return n >= 25 || (n >= 10 && SENTENCE_END.test(t));
}

export function inlineOf(block: BlockNode): InlineNode[] {
  if (block.type === "paragraph" || block.type === "heading") return block.content ?? [];
  if (block.type === "bulletList" || block.type === "orderedList" || block.type === "blockquote") {
    return (block.content ?? []).flatMap((b) => ("content" in b && b.type === "listItem" ? (b.content ?? []).flatMap(inlineOf) : inlineOf(b as BlockNode)));
  }
  return [];
}

function blockPlainText(block: BlockNode): string {
  return inlineOf(block).map((n) => (n.type === "text" ? n.text : " ")).join("");
}

/** Share of a block's letters that sit inside links. */
export function linkDensity(block: BlockNode): number {
  let all = 0;
  let linked = 0;
  for (const node of inlineOf(block)) {
    if (node.type !== "text") continue;
    const n = node.text.replace(/[\s\p{P}]/gu, "").length;
    all += n;
    if (node.marks?.some((m) => m.type === "link")) linked += n;
  }
  return all === 0 ? 0 : linked / all;
}

const MONTHS =
  "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ago|maret|mei|agustus|desember";
const DATE = new RegExp(
  `\\b(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(${MONTHS})\\.?\\s+\\d{1,2}\\b|\\d{1,2}\\.?\\s+(de\\s+)?(${MONTHS})\\b|\\d{1,2}:\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?|\\d+\\s+(minutes?|hours?|days?)\\s+ago)`,
  "iu",
);

const CREDIT =
  /(\b(photo|image|picture|foto|bild|credit|illustration)s?\s*(copyright|credit|caption|:|©)|\(image:|©|\bgetty images\b|\bshutterstock\b|\b(ap|afp|reuters|epa|upi)\s*(photo)?\s*\/\s*\p{Lu}|\bREUTERS\/|\bcourtesy of\b|^\s*file photo\b|\bphoto(graph)? by\b|^\[?(사진|写真|фото)\s*[:=]?)/iu;

const FURNITURE_PHRASE = new RegExp(
  [
    // navigation and page chrome
    "^(skip to (main )?content|sign in|log ?in|register|menu|search|close|caption|open|home|back to top|print( article)?|order reprints|text size|font size|listen( to (this )?article)?|breaking news|full ?screen|autoplay|skip ad|(view|buy|more) photos?|(wait \\d+ seconds? to continue)|advert|anzeige|publicidade|publicité|pubblicità|iklan|реклама)[.!:]?$",
    // gallery counters, vote and comment counters, reading time
    "^(image|photo|slide|picture)?\\s*\\d+\\s*(of|/)\\s*/?\\s*\\d+$",
    "^\\d+([.,]\\d+)?\\s*(comments?|shares?|views?|reads?|letture|votes?|голос\\w*|comentários?|commenti)$",
    "^(reader )?comments$|^\\d+ with \\d+ posters participating$|^media caption\\b",
    // subscriptions, communities, author follow lines
    "\\bissues for [£$€]\\s?\\d|\\bdelivered (to|through) your (door|letterbox)\\b|\\bnews tip, correction or comment\\b|^join our\\b.{0,40}\\b(forums?|community)\\b|\\bfollow (him|her|them|me) on (twitter|facebook|instagram|x)\\b",
    // read-on prompts, print-edition notes, feedback and log-in prompts
    "^continue reading( the main story)?\\b|^\\[(read|related|see|watch|more)\\b[^\\]]*\\]$|^a version of this article appears in print\\b|\\binterested in your feedback\\b|^you must (log ?in|sign in|login)\\b.{0,60}\\bto comment\\b",
    "^%?\\d+\\s*голос\\w*$",
    "(reading time|tempo de leitura|temps de lecture|lesezeit|min(ute)?s? read)\\b",
    // author boxes and archives
    "^(view|see|more from) (the )?author('s)? ?(archive|profile|page)?$|^e-?mail the author$|^about the author$|^(written|posted|published) by\\b",
    // comments, feedback, calls to action
    "^(post|leave|add|write) (a )?comment|^tell us what you think|^(comments?|discussion)( \\(\\d+\\))?$|^(click|tap) here\\b|\\bby clicking here\\b|^learn more$|^want more stories like this\\??$|^every (day|week) we send\\b|^get (the )?.{0,40}\\bapp\\b",
    // social
    "^follow (us|@|[\\p{Lu}][\\p{L}]+ (on|at)\\b)|\\bfollow @\\w+|^(find|join) us on\\b",
    // disclosures and notices
    "\\b(may contain|contains) affiliate\\b|\\baffiliate (links?|commission)\\b|\\buses cookies\\b|this slideshow requires javascript|^filed under\\b|^tags?\\s*[:/]|^categor(y|ies)\\s*[:/]|^(related|leggi anche|lees ook|lire aussi|lesen sie auch|leia também|baca juga|more|also|see also|don'?t miss)\\s*[:/]",
    // dates as lines
    "^(updated|published|posted|first published|last updated|modified|original|publicado|publié|pubblicato|veröffentlicht)\\b[^.]{0,80}$",
    // agency credit lines
    "^(reporting|writing|editing|additional reporting) by\\b|\\bcontributed to this report\\.?$|^contributing:|^(with )?(post|wire|staff) (wires|reports)$|^source:",
  ].join("|"),
  "iu",
);

// Promotions of the publisher's own products, longer than a furniture phrase: newsletter and
// alert sign-ups, membership and subscription pitches, listen-live prompts, deal disclaimers.
const PROMOTION = new RegExp(
  [
    "\\b(sign ?up|subscribe|register)\\b.{0,120}\\b(newsletters?|e-?mails?|alerts|inbox|briefings?)\\b",
    "\\b(newsletters?|e-?mail alerts|news alerts)\\b.{0,120}\\b(sign ?up|subscribe)\\b",
    "\\b(meet|to|in) your inbox\\b|\\bdelivered (every |each )?(weekday |week|day)?\\s*(mornings?|evenings?|daily|weekly)\\b",
    "^if you (enjoyed|liked|value|appreciate) (this|our|reading) (article|story|journalism|reporting|piece)\\b",
    "\\bfor as little as\\b|\\buse (the )?(promo |discount |coupon )?code\\b|\\b(no|without) paywalls?\\b|\\bmembers get\\b",
    "^(listen|watch|tune in)\\b.{0,80}\\b(live|again|back|on demand)\\b.{0,60}\\bhere\\W*$",
    "\\bprices? (are |is )?subject to change\\b|\\bquantities (may be|are) limited\\b",
  ].join("|"),
  "iu",
);
/** Addressed to the reader: "your inbox", "Sign up", "Get ...". */
const TO_THE_READER = /\b(you|your|yours)\b|^(sign|subscribe|get|join|listen|watch|download|start|let|follow|become)\b/iu;

const COMMENT_POLICY =
  /\b(comments?|comentários?|comentarios?|commentaires?|commenti|kommentare?)\b.{0,160}\b(moderat\w*|approv\w*|aprovad\w*|approuv\w*|aprobad\w*|respe(c)?t\w*|guidelines|policy|política|polici\w*|civil|offensive|ofensiv\w*)\b/iu;

export interface FurnitureDecision {
  reason: string;
}

/**
 * Judges one block in its context. `zone` says where it sits relative to the story: before the
 * first story paragraph, after the last one, or among them.
 */
export function furnitureReason(block: BlockNode, text: string, zone: "head" | "body" | "tail"): string | null {
  const t = clean(text);
  if (!t) return null;
  const n = size(t);
  const isText = block.type === "paragraph" || block.type === "heading";
  const isList = block.type === "bulletList" || block.type === "orderedList";

  if (isText && n <= 60 && CREDIT.test(t) && !(SENTENCE_END.test(t) && n > 12)) return "Photo caption or credit";
  if (isText && n <= 40 && FURNITURE_PHRASE.test(t)) return "Page furniture (navigation, notice, counter or prompt)";
  if (isText && n <= 5 && /^\[[^\]]{1,200}\]$/.test(t)) return "Bracketed link label";
  if (isText && n <= 60 && /\[\/[a-z_-]+\]|\[[a-z_-]+\s+[a-z_-]+=/i.test(t)) return "Unrendered shortcode (widget text)";
  if (isText && /^(don'?t miss|most read|trending( now)?|recommended( for you)?|read next|more on this( story)?)\b/i.test(t) && (n <= 4 || /\n/.test(text))) {
    return "Promotion of other stories";
  }
  if (isText && n <= 80 && PROMOTION.test(t) && TO_THE_READER.test(t) && (zone !== "body" || n <= 30)) return "Promotion (newsletter, membership, listening or deal notice)";
  if (isText && n <= 5 && /^[\p{L} ]{0,30}\b(newsletters?|e-?mail alerts|e-?mails|news alerts)$/iu.test(t)) return "Promotion (newsletter, membership, listening or deal notice)";
  if (isText && zone === "tail" && n <= 60 && COMMENT_POLICY.test(t)) return "Comment policy notice";
  if (isText && zone !== "body" && /^https?:\/\/\S+$/.test(t)) return "Bare address line";
  if (isText && n <= 20 && !SENTENCE_END.test(t) && DATE.test(t) && !/[,;]\s+\p{Ll}/u.test(t) && (zone !== "body" || n <= 10)) return "Date line";
  if (((isText && (zone !== "body" || (n <= 25 && block.type !== "heading"))) || (isList && zone !== "body")) && n <= 60 && linkDensity(block) >= 0.75) {
    return isList ? "List of links (related stories or navigation)" : "Link-only line (related story or navigation)";
  }
  if (isList && block.content.length > 0) {
    // A list whose every item is furniture (a "Subscribe / Sign in" bar, a credit, a counter).
    const items = block.content.map((item) => clean((item.content ?? []).map((b) => blockPlainText(b)).join(" ")));
    const itemZone = zone === "body" ? "body" : zone;
    if (items.every((it) => it && furnitureReason({ type: "paragraph", content: [{ type: "text", text: it }] }, it, itemZone))) return "List of page furniture (labels, credits or links)";
  }
  if (isText && n >= 3 && n <= 30 && t === t.toUpperCase() && /\p{Lu}{2}/u.test(t) && !/[?|]/.test(t) && (linkDensity(block) >= 0.5 || /\b(CLICK|SUBSCRIBE|SIGN UP|DOWNLOAD|GET THE|READ MORE|WATCH|LISTEN)\b/.test(t))) {
    return "All-caps promotion line";
  }
  if (isText && zone === "tail" && n <= 80 && /^(\p{Lu}[\p{L}'’.-]+\s){1,4}(is|was|writes|covers|has been)\s+(a|an|the)\b/u.test(t)) return "Author bio";
  // Footnotes ("* Dates subject to change", "Note: ...") belong to the story above them.
  if (isText && zone !== "body" && n <= 12 && !SENTENCE_END.test(t) && !/:$/.test(t) && !/^([*†‡]|\(?\d\)|notes?\b|nota\b|obs\b)/iu.test(t) && (block.type === "paragraph" || (block.type === "heading" && zone === "tail"))) {
    return zone === "head" ? "Header furniture (label, name or date before the story)" : "Footer furniture (label, name or link after the story)";
  }
  return null;
}
