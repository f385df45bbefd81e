// Pure: which sentences of an article most likely carry a checkable factual claim, and why.
// Signals (ClaimBuster-style features, hand-weighted): statistics and quantities, comparisons and
// superlatives, causal links, attribution ("X said"), dates, named people and places; opinion,
// questions and very short sentences score low. Offsets are UTF-16 positions in the canonical text.

export interface CheckWorthyHint {
  start: number;
  end: number;
  score: number;
  /** One line, e.g. "contains a statistic". */
  reason: string;
}

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|U\.K|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/** Sentences of a text (paragraph breaks always end one), trimmed, with their offsets. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  let start = 0;
  const re = /([.!?]["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])|\n\s*\n/gu;
  for (const m of text.matchAll(re)) {
    if (m[1]) {
      const endOfSentence = m.index + m[1].length;
      const before = text.slice(Math.max(start, m.index - 12), m.index + 1);
      if (ABBREVIATIONS.test(before) || /\b\p{Lu}\.$/u.test(before)) continue; // "Mr." or an initial
      push(start, endOfSentence);
      start = endOfSentence;
    } else {
      push(start, m.index);
      start = m.index + m[0].length;
    }
  }
  push(start, text.length);
  return out;
}

interface Signal {
  test: (s: string) => RegExpMatchArray | null | boolean;
  weight: number;
  reason: (m: RegExpMatchArray | null) => string;
}

const ATTRIBUTION_VERBS = "said|says|told|claimed|claims|stated|states|announced|insisted|argued|asserted|reported|according to|wrote|tweeted|declared|added|noted|warned|estimated|testified";
const NAME = "(?:(?:Mr|Mrs|Ms|Dr|President|Prime Minister|Minister|Senator|Sen\\.|Rep\\.|Gov\\.)\\.?\\s+)?\\p{Lu}[\\p{L}’'-]+(?:\\s+\\p{Lu}[\\p{L}’'-]+){0,2}";

const SIGNALS: Signal[] = [
  {
    test: (s) => s.match(/\b\d[\d,.]*\s*(?:%|per ?cent|percent|percentage points?)/i),
    weight: 3,
    reason: () => "contains a statistic",
  },
  {
    test: (s) => s.match(/(?:[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s*(?:million|billion|trillion|thousand|dollars|euros|pounds|people|troops|soldiers|deaths|votes|jobs|tonnes|tons|km|miles|kilometres|kilometers)\b)/i),
    weight: 2.5,
    reason: () => "contains a quantity",
  },
  {
    test: (s) => s.match(/\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|worse|better|most|least|highest|lowest|largest|biggest|record|doubled|tripled|halved|increased|decreased|rose|fell|dropped|grew|declined|surged|plunged)\b/i),
    weight: 1.5,
    reason: () => "makes a comparison",
  },
  {
    test: (s) => s.match(/\b(?:because|caused|causes|led to|leads to|result(?:ed)? in|due to|so that|therefore|as a result|responsible for)\b/i),
    weight: 1.5,
    reason: () => "states a cause",
  },
  {
    test: (s) => s.match(new RegExp(`(${NAME})[^.]{0,60}?\\b(?:${ATTRIBUTION_VERBS})\\b|\\b(?:${ATTRIBUTION_VERBS})\\b[^.]{0,30}?(${NAME})`, "u")),
    weight: 2,
    reason: (m) => {
      const who = (m?.[1] ?? m?.[2] ?? "").trim();
      return who && !/^(?:The|A|An|It|He|She|They|We|This|That|In|On)$/.test(who) ? `attributed to ${who}` : "an attributed statement";
    },
  },
  {
    test: (s) => s.match(/\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b/),
    weight: 1,
    reason: () => "names a date",
  },
  {
    test: (s) => s.match(/\b\d[\d,.]*\b/),
    weight: 1,
    reason: () => "contains a number",
  },
];

const OPINION = /\b(?:I think|I believe|I feel|we hope|should|must|would like|in my view|perhaps|maybe)\b/i;

/** Score of one sentence in [0, 1] and its strongest reason. */
export function scoreSentence(sentence: string): { score: number; reason: string } {
  const words = sentence.split(/\s+/).filter(Boolean).length;
  if (words < 5) return { score: 0, reason: "too short" };
  let total = 0;
  let best: { weight: number; reason: string } | null = null;
  for (const signal of SIGNALS) {
    const m = signal.test(sentence);
    if (!m) continue;
    total += signal.weight;
    if (!best || signal.weight > best.weight) best = { weight: signal.weight, reason: signal.reason(m === true ? null : (m as RegExpMatchArray)) };
  }
  // Names mid-sentence (people, places, organisations) make a statement checkable.
  const names = sentence.slice(1).match(/(?<![.!?]\s)\b\p{Lu}[\p{Ll}’'-]{2,}/gu)?.length ?? 0;
  total += Math.min(names, 3) * 0.4;
  if (!best && names) best = { weight: 0.4, reason: "names people or places" };
  if (sentence.trim().endsWith("?")) total *= 0.3;
  if (OPINION.test(sentence)) total *= 0.6;
  if (words > 60) total *= 0.8;
  const score = Math.min(1, total / 7);
  return { score: Math.round(score * 1000) / 1000, reason: best?.reason ?? "no factual signal" };
}

const ATTRIBUTION = /\b(?:said|says|told|claimed|claims|stated|announced|insisted|argued|reported|according to|wrote|tweeted|declared|warned|estimated|testified)\b/i;

/** A regex-only estimate (no NLP) that picks which sentences are worth the full score. */
function quickScore(sentence: string): number {
  if (sentence.split(/\s+/).filter(Boolean).length < 5) return 0;
  let total = SIGNALS.reduce((sum, signal) => sum + (signal.test(sentence) ? signal.weight : 0), 0);
  if (ATTRIBUTION.test(sentence)) total += 2;
  total += Math.min(sentence.slice(1).match(/\b\p{Lu}[\p{Ll}’'-]{2,}/gu)?.length ?? 0, 3) * 0.4;
  return total;
}

/**
 * The most check-worthy sentences, best first (at most `limit`, only those above `minScore`).
 * wink-nlp reads only the sentences a quick regex pass ranks highest (4 × limit, at least 40),
 * so a 5,000-word article costs about as much as a short one.
 */
export function checkWorthySentences(text: string, { limit = 10, minScore = 0.3 } = {}): CheckWorthyHint[] {
  const shortlist = splitSentences(text)
    .map((s) => ({ s, quick: quickScore(s.text) }))
    .sort((a, b) => b.quick - a.quick || a.s.start - b.s.start)
    .slice(0, Math.max(limit * 4, 40));
  return shortlist
    .map(({ s }) => ({ start: s.start, end: s.end, ...scoreSentence(s.text) }))
    .filter((h) => h.score >= minScore)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit);
}
