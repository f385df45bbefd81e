import { splitSentences, type SentenceSpan } from "@/lib/checkworthy/score-sentences";

// What a new claim's statement starts as, and when a statement reads as a fragment. Pure: the
// server fills the default, the claim editor warns before a fragment is approved.

/** Statements are capped at this length (CLAIM_LIMITS.statement). */
const MAX = 1_000;
/** A selection inside a sentence longer than this keeps the selected words (a run-on paragraph is no statement). */
const LONGEST_SENTENCE = 400;

const LEADING_CONNECTIVE = /^(?:and|but|or|so|yet|nor|for|because|while|whereas|although|though|also|then|however|meanwhile|moreover|furthermore|besides|still|plus|that)\b[\s,]*/i;
const TRAILING_PUNCTUATION = /[\s.,;:…–—-]+$/;
/** Words a complete statement rarely ends on. */
const DANGLING_END = /\b(?:the|a|an|and|or|but|of|to|in|on|at|by|for|with|from|that|which|who|than|as|is|are|was|were|be|been|has|have|had|its|their|his|her|our|your|this|these|those)$/i;

/** Collapses whitespace, drops leading connectives ("and", "but", "because" …) and trailing punctuation, capitalises. */
export function cleanStatement(text: string): string {
  let s = text.replace(/\s+/g, " ").trim().replace(/^[(\[–—-]+\s*/, "");
  for (let i = 0; i < 3 && LEADING_CONNECTIVE.test(s); i++) s = s.replace(LEADING_CONNECTIVE, "");
  s = s.replace(TRAILING_PUNCTUATION, "");
  // A statement wholly in quotes loses them; a quote mark left unbalanced by the cut goes too.
  if (/^[“"][^“”"]*[”"]$/.test(s)) s = s.slice(1, -1).replace(TRAILING_PUNCTUATION, "");
  if (/^[“"]/.test(s) && !/[”"]/.test(s.slice(1))) s = s.slice(1);
  if (/[”"]$/.test(s) && !/[“"]/.test(s.slice(0, -1))) s = s.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  s = s.replace(/^([“"‘']?)(\p{Ll})/u, (_m, q: string, c: string) => q + c.toLocaleUpperCase());
  return s.length <= MAX ? s : `${s.slice(0, MAX - 1)}…`;
}

/**
 * The sentence(s) holding text[start, end), cleaned; the selected words themselves when the
 * sentence is too long. `split`: splitSentences(text), when many statements of one text are made.
 */
export function defaultStatement(text: string, start: number, end: number, split: SentenceSpan[] = splitSentences(text)): string {
  const quote = text.slice(start, end);
  const sentences = split.filter((s) => s.start < end && s.end > start);
  if (sentences.length === 0) return cleanStatement(quote);
  const from = Math.min(start, sentences[0].start);
  const to = Math.max(end, sentences[sentences.length - 1].end);
  const sentence = text.slice(from, to);
  return cleanStatement(sentence.length <= LONGEST_SENTENCE || sentence.length <= quote.length + 40 ? sentence : quote);
}

/** Why a statement reads as a fragment (for the warning before approval), or null when it reads as a sentence. */
export function fragmentReason(statement: string): string | null {
  const s = statement.replace(/\s+/g, " ").trim();
  if (!s) return "The statement is empty.";
  const words = s.split(" ").length;
  if (words < 4) return "The statement is only a few words.";
  if (/^[\p{Ll}…]/u.test(s)) return "The statement starts mid-sentence.";
  if (DANGLING_END.test(s.replace(/[\s.,;:!?…”"’']+$/, ""))) return "The statement stops mid-sentence.";
  return null;
}
