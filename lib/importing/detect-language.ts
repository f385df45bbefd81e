// A small stop-word language guess for inputs that carry no language (plain text, Markdown,
// .docx, HTML without a lang attribute). It answers only when one language clearly wins, so
// a wrong tag is rarer than a missing one; the editor can always correct it in the preview.

const STOP_WORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "that", "is", "was", "for", "with", "on", "as", "he", "it", "said", "by", "his", "at", "from", "have"],
  fr: ["le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec", "il", "ce", "sont"],
  de: ["der", "die", "und", "das", "den", "nicht", "ist", "mit", "sich", "des", "auf", "ein", "eine", "auch", "dem", "zu", "im", "sie", "wird", "von"],
  es: ["el", "la", "los", "las", "y", "que", "en", "del", "se", "por", "un", "una", "con", "para", "es", "al", "lo", "como", "más", "pero"],
  it: ["il", "di", "che", "la", "e", "non", "per", "un", "una", "del", "della", "sono", "è", "nel", "con", "si", "da", "gli", "ha", "anche"],
  pt: ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "por", "mais", "foi", "ao", "na"],
  nl: ["de", "het", "een", "en", "van", "dat", "niet", "is", "op", "te", "zijn", "met", "voor", "ook", "aan", "maar", "hij", "bij", "werd", "wordt"],
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

const SAMPLE_WORDS = 2_000;
const MIN_HITS = 8;

/** BCP 47 primary tag of the text's language (en, fr, de, es, it, pt, nl), or null if unsure. */
export function detectLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu)?.slice(0, SAMPLE_WORDS) ?? [];
  const scores = new Map<string, number>();
  for (const word of words) for (const lang of LOOKUP.get(word) ?? []) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  const [best, second] = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < MIN_HITS) return null;
  // A clear winner: well ahead of the runner-up (languages share some short words).
  return !second || best[1] >= second[1] * 1.5 ? best[0] : null;
}
