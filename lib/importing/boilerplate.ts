// Recognisers for the lines scraped articles carry that are not part of the story.
// Each rule matches a whole (short) block, never a sentence inside a paragraph, so the
// story's own sentences survive: a block is only a candidate when it is short.

interface Rule {
  reason: string;
  test: RegExp;
}

const DASHES = "[-–—_*•·|\\s]*";

const RULES: Rule[] = [
  {
    reason: "Advertisement marker",
    test: new RegExp(
      `^${DASHES}(advertisement|advertisements|advertising|ad|ads|sponsored( content)?|paid content|promoted|story continues below( advertisement)?|continue reading below|article continues below( advertisement)?|scroll to continue( with content)?)${DASHES}$`,
      "i",
    ),
  },
  {
    reason: "Newsletter or subscription prompt",
    test: /^(stay on top\b.*|get (the|our) (daily|weekly|latest|morning|evening) (news|newsletter|headlines|briefing).*|sign up (for|to) .*(newsletter|alerts|updates|briefing).*|subscribe( now| today| here)?( to .*)?[.!]?|(join|subscribe to) our (newsletter|mailing list).*|(already a subscriber|become a (subscriber|member)|support (our|independent) journalism)\b.*|.*\bnewsletter\b.*(sign ?up|subscribe|inbox).*|.*\b(delivered|straight) to your inbox\b.*)$/i,
  },
  {
    reason: "Related-stories list heading",
    test: /^(related( stories| articles| posts| coverage| content| news| reading| links)?|recent (articles|posts|stories|news)|more (stories|news|articles|from .{1,40}|on this story|in .{1,30})|read (more|next|also)(:.*)?|see also|you (may|might) (also )?like|recommended( for you| stories| reading)?|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|latest (news|stories)|what to read next|editor'?s picks|more|you (may|might) also (like|enjoy))\s*([:.]|\.\.\.|…)?$/i,
  },
  {
    reason: "Legal or correction notice",
    test: /^(dmca( \/ correction notice| notice)?|correction notice|report (a correction|an error|a typo)|(©|\(c\)|copyright)\s*\d{0,4}.*|all rights reserved\.?|terms (of (use|service))?( (and|&) privacy policy)?|privacy policy|cookie (policy|settings|preferences))$/i,
  },
  {
    reason: "Share prompt",
    test: /^(share( this)?( article| story| post| page)?( on| via| with)?( (facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit))*[:!.]?|(click|tap) (here )?to share.*|share (on|via) .{1,40}|(tweet|pin|email|e-mail|print|copy link|save)( this)?( article| story)?|follow us( on .{1,60})?|like us on facebook|comments?( \(\d+\))?|leave a comment|\d+ comments?|share|facebook|twitter|linkedin|whatsapp|reddit|email)$/i,
  },
  {
    reason: "Obfuscated e-mail address",
    test: /^.{0,80}\[email(&#160;|\s)protected\].{0,40}$/i,
  },
];

/** Why a block is boilerplate, or null when it may be part of the story. */
export function boilerplateReason(text: string): string | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return null;
  // Story paragraphs are long; boilerplate lines are short.
  if (t.length > 160) return null;
  for (const rule of RULES) if (rule.test.test(t)) return rule.reason;
  if (/^[\p{P}\p{S}\s]+$/u.test(t)) return "Stray punctuation";
  return null;
}

/** Heading of a related-stories list: the short headline-like lines after it go too. */
export function isRelatedListHeading(text: string): boolean {
  return boilerplateReason(text) === "Related-stories list heading";
}

/** A line that reads like a headline: short, several words, no closing sentence punctuation. */
export function looksLikeHeadline(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length < 8 || t.length > 200) return false;
  const words = t.split(" ").length;
  if (words < 2 || words > 30) return false;
  if (/[.,;:]$/.test(t)) return false;
  if (/^[\p{Ll}]/u.test(t)) return false;
  return true;
}

/** Ends like a sentence (so it is story text, not a list of headlines). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text.trim());
}

const NAME = "(\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|da|van|von|der|del|la|le|bin|al)){0,5})";

/** "Write Michael R. Gordon at ..." / "Email Jane Doe at ..." / "Contact ... at": the byline name. */
export function closingBylineName(text: string): string | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length > 160) return null;
  const m = new RegExp(`^(?:[Ww]rite(?: to)?|[Ee]-?mail|[Cc]ontact|[Rr]each)\\s+${NAME}\\s+at\\s+\\S`, "u").exec(t);
  return m ? m[1].trim() : null;
}

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A date or time after the names: "JAN. 13, 2017", "March 18 at 3:57 PM", "24 July 2015", "Updated 2h ago". */
const TRAILING_DATE = new RegExp(`\\s*[,|–—-]?\\s+(?:${MONTH}\\s+\\d|\\d{1,4}\\b|(?:updated|published|posted)\\b).*$`, "iu");

/** "JEFFREY GETTLEMAN" → "Jeffrey Gettleman"; names in mixed case stay as written. */
function nameCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * "By Jane Doe" / "By Jane Doe and John Roe" / "by Jane Doe (reporting) and John Roe (photography)"
 * / "By JANE DOE JAN. 13, 2017" / "By Jane Doe March 18 at 3:57 PM Follow @jdoe" / "Jane Doe - Apr
 * 16, 2015 8:02 pm UTC": the byline (names only).
 */
export function openingBylineName(text: string): string | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length > 160) return null;
  const names = `${NAME.slice(1, -1)}(?:\\s*(?:,|and|&)\\s*${NAME.slice(1, -1)})*`;
  const bare = t
    .replace(/\s+follow\s+@\w+.*$/i, "")
    .replace(/\s*\((?:reporting|photography|photos?|video|graphics|writer|editor|text|words|additional reporting)\)/gi, "");
  const dated = bare.replace(TRAILING_DATE, "");
  const by = new RegExp(`^(?:By|BY|by)\\s+(${names})(?:\\s*[,|–—-]\\s*.{0,60})?$`, "u").exec(dated);
  if (by) return nameCase(by[1].trim());
  // "Jane Doe - Apr 16, 2015 8:02 pm UTC": a name, a dash, then only a date with its year.
  const dash = new RegExp(`^(${names})\\s*[|–—-]\\s*(.+)$`, "u").exec(bare);
  if (dash && /\b\d{4}\b/.test(dash[2]) && TRAILING_DATE.test(` ${dash[2]}`) && ` ${dash[2]}`.replace(TRAILING_DATE, "").trim() === "") {
    return nameCase(dash[1].trim());
  }
  return null;
}

/** Trailing stray punctuation after the sentence: "Saw an opportunity to press. ," → " ,". */
export function strayTrailingPunctuation(text: string): string | null {
  const m = /([.!?…"'”’)])(\s+[,;:]+)\s*$/.exec(text);
  return m ? m[2] : null;
}
