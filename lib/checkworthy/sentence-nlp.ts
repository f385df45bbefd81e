import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// What wink-nlp (offline, English lite model shipped in its npm package) sees in one sentence:
// entities (dates, money, percentages, cardinals), proper names (runs of PROPN tokens), who a
// statement is attributed to (the subject of "say", "tell", "claim", ...), and how much of the
// sentence is a direct quotation. The model loads once per process (about 0.2 s).

export interface SentenceFacts {
  entities: Array<{ type: string; value: string }>;
  names: string[];
  /** "Mr Putin", "US officials"; null when no attribution verb has a subject. */
  attributedTo: string | null;
  attributed: boolean;
  /** Share of the words inside quotation marks. */
  quoted: number;
}

const ATTRIBUTION_LEMMAS = new Set(["say", "tell", "claim", "state", "announce", "insist", "argue", "assert", "report", "write", "tweet", "declare", "note", "warn", "estimate", "testify", "deny", "allege"]);
const OPEN_QUOTES = new Set(["“", '"', "‘", "«"]);
const CLOSE_QUOTES = new Set(["”", '"', "’", "»"]);

let nlp: ReturnType<typeof winkNLP> | null = null;
const engine = () => (nlp ??= winkNLP(model));

export function sentenceFacts(sentence: string): SentenceFacts {
  const n = engine();
  const its = n.its;
  const doc = n.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // (its.lemma is typed for the add-on models; the lite model has it.)
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const entities = (doc.entities().out(its.detail) as Array<{ type: string; value: string }>).map((e) => ({ type: e.type, value: e.value }));

  // Proper names: consecutive PROPN tokens ("Mr Putin", "Dara Masicott").
  const runs: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < pos.length; i++) {
    if (pos[i] !== "PROPN") continue;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  }
  const text = (r: { from: number; to: number }) => values.slice(r.from, r.to + 1).join(" ");

  let attributedTo: string | null = null;
  let attributed = false;
  for (let i = 0; i < pos.length && !attributedTo; i++) {
    if (pos[i] !== "VERB" || !ATTRIBUTION_LEMMAS.has(lemmas[i]!)) continue;
    attributed = true;
    // The subject: the name just before the verb ("Mujahid said", "NATO stated"), or a noun
    // phrase ending there ("US officials said"), or the name right after it ("said Angela Stant").
    let j = i - 1;
    while (j >= 0 && pos[j] === "AUX") j--;
    const before = runs.find((r) => r.to === j);
    if (before) attributedTo = text(before);
    else if (j >= 0 && pos[j] === "NOUN") {
      let k = j;
      while (k > 0 && (pos[k - 1] === "PROPN" || pos[k - 1] === "NOUN") && j - k < 3) k--;
      attributedTo = values.slice(k, j + 1).join(" ");
    } else if (j >= 0 && values[j] === "," && runs[0]?.from === 0) {
      attributedTo = text(runs[0]); // "Dara Masicott, a military expert at RAND Corp, said"
    } else {
      const after = runs.find((r) => r.from > i && r.from <= i + 2);
      if (after) attributedTo = text(after);
    }
  }

  let inside = false;
  let quotedWords = 0;
  let words = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!inside && OPEN_QUOTES.has(v)) inside = true;
    else if (inside && CLOSE_QUOTES.has(v)) inside = false;
    else if (pos[i] !== "PUNCT") {
      words++;
      if (inside) quotedWords++;
    }
  }
  return { entities, names: runs.map(text), attributedTo, attributed, quoted: words ? quotedWords / words : 0 };
}
