// Pure: how alike two claims are, in a way that survives rewording. Shared words count by how
// informative they are: numbers and names weigh most, long rare-looking words more than short
// common ones, function words nothing. Word forms are folded ("annexed" ~ "annexation" ~ "annex").

const STOPWORDS = new Set(
  ("a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its " +
    "may might more most no not of on or our she should so than that the their them then there these they this those " +
    "to was we were what when where which while who will with would you your said says say also about after over up out " +
    "just very now new one two per cent percent year years").split(" "),
);

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Folds common English suffixes so rewordings share a key. Not a full stemmer; enough for overlap. */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  if (/^\d/.test(w)) return w.replace(/[,.](?=\d{3}\b)/g, "");
  for (const suffix of ["ations", "ation", "ments", "ment", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** The informative words of a text with their weights (highest first, de-duplicated). */
export function weightedTerms(text: string): WeightedTerm[] {
  const out = new Map<string, number>();
  const re = /\d[\d,.]*%?|[\p{L}][\p{L}\p{M}'’-]*/gu;
  let sentenceStart = true;
  for (const m of text.matchAll(re)) {
    const raw = m[0].replace(/['’]s$/, "").replace(/[.,]+$/, "");
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const lower = raw.toLowerCase();
    if (STOPWORDS.has(lower) || raw.length < 2) {
      sentenceStart = false;
      continue;
    }
    let weight: number;
    if (/^\d/.test(raw)) weight = 3;
    else if (/^\p{Lu}/u.test(raw) && !(sentenceStart || /[.!?]\s*$/.test(before))) weight = 2.5; // a name mid-sentence
    else weight = raw.length >= 7 ? 1.5 : 1;
    const key = foldWord(raw);
    out.set(key, Math.max(out.get(key) ?? 0, weight));
    sentenceStart = false;
  }
  return [...out.entries()].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
}

/**
 * Similarity in [0, 1]: the weighted share of the query's informative words the candidate has
 * (recall, which matters most: "was this checked?"), blended with the candidate's share (so a
 * long claim that merely mentions the words ranks below a close one).
 */
export function similarity(query: WeightedTerm[], candidateText: string): number {
  if (!query.length) return 0;
  const cand = weightedTerms(candidateText);
  const candKeys = new Map(cand.map((t) => [t.term, t.weight]));
  const total = query.reduce((s, t) => s + t.weight, 0);
  const shared = query.filter((t) => candKeys.has(t.term));
  const recall = shared.reduce((s, t) => s + t.weight, 0) / total;
  const candTotal = cand.reduce((s, t) => s + t.weight, 0) || 1;
  const precision = shared.reduce((s, t) => s + (candKeys.get(t.term) ?? 0), 0) / candTotal;
  // A number in the query that the candidate contradicts (has other numbers, not this one) is a strong "different claim".
  const qNums = query.filter((t) => /^\d/.test(t.term));
  const cNums = cand.filter((t) => /^\d/.test(t.term));
  const numberPenalty = qNums.length && cNums.length && !qNums.some((n) => candKeys.has(n.term)) ? 0.7 : 1;
  return Math.min(1, (0.75 * recall + 0.25 * precision) * numberPenalty);
}
