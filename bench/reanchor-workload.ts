// Synthetic revisions for bench/reanchor.bench.ts: an article of N words in paragraphs, 1,000
// overlapping claims on word boundaries, and new versions made by word-level edits whose effect
// on every original word is tracked, so each claim's right new span is known exactly.

export interface Token {
  text: string;
  /** Index of the original token this one is (or replaces); null for inserted tokens. */
  origin: number | null;
}

export interface Workload {
  text: string;
  tokens: Token[];
  claims: Array<{ id: string; start: number; end: number; exact: string; firstToken: number; lastToken: number }>;
}

export interface Revision {
  name: string;
  text: string;
  /** Per claim: its right span in the new text, or null when every word of it was deleted. */
  expected: Map<string, { start: number; end: number } | null>;
}

/** Deterministic PRNG (mulberry32) so every run measures the same texts. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = "ka lo mi ne ru sa te vo di pa gre sto lin mar ben cor del fen gal hur jas kel".split(" ");

/** A Zipf-ish vocabulary: common short words repeat often, as in real prose. */
function vocabulary(random: () => number, size: number): string[] {
  const common = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there".split(" ");
  const words = new Set(common);
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

function pickWord(random: () => number, vocab: string[]): string {
  // Index ~ exponential: the first words dominate.
  const i = Math.min(vocab.length - 1, Math.floor(-Math.log(1 - random()) * vocab.length * 0.08));
  return vocab[i];
}

export function makeArticle(words: number, claimCount: number, seed = 1): Workload {
  const random = rng(seed);
  const vocab = vocabulary(random, 4000);
  const tokens: Token[] = [];
  const push = (text: string) => tokens.push({ text, origin: tokens.length });
  let inSentence = 0;
  let inParagraph = 0;
  for (let w = 0; w < words; w++) {
    let word = pickWord(random, vocab);
    if (inSentence === 0) word = word[0].toUpperCase() + word.slice(1);
    if (random() < 0.03) word = String(Math.floor(random() * 10000));
    push(word);
    inSentence++;
    inParagraph++;
    const endSentence = inSentence > 8 && random() < 0.12;
    if (endSentence) {
      push(random() < 0.9 ? "." : "?");
      inSentence = 0;
    } else if (random() < 0.06) push(",");
    if (endSentence && inParagraph > 50 && random() < 0.35) {
      push("\n\n");
      inParagraph = 0;
    } else push(" ");
  }
  const text = tokens.map((t) => t.text).join("");
  const starts: number[] = [];
  let at = 0;
  for (const t of tokens) {
    starts.push(at);
    at += t.text.length;
  }
  const wordIdx = tokens.map((t, i) => (/\w/.test(t.text) ? i : -1)).filter((i) => i >= 0);
  const claims: Workload["claims"] = [];
  for (let c = 0; c < claimCount; c++) {
    const length = 20 + Math.floor(random() * 281);
    const first = wordIdx[Math.floor(random() * (wordIdx.length - 60))];
    let last = first;
    for (let k = first; k < tokens.length && starts[k] + tokens[k].text.length - starts[first] <= length; k++) if (/\w/.test(tokens[k].text)) last = k;
    const start = starts[first];
    const end = starts[last] + tokens[last].text.length;
    claims.push({ id: `c${c}`, start, end, exact: text.slice(start, end), firstToken: first, lastToken: last });
  }
  return { text, tokens, claims };
}

function build(name: string, base: Workload, tokens: Token[]): Revision {
  const text = tokens.map((t) => t.text).join("");
  const spanOf = new Map<number, { start: number; end: number }>();
  let at = 0;
  for (const t of tokens) {
    if (t.origin !== null) spanOf.set(t.origin, { start: at, end: at + t.text.length });
    at += t.text.length;
  }
  const expected = new Map<string, { start: number; end: number } | null>();
  for (const c of base.claims) {
    // The claim's surviving words in order, cut where they no longer follow one another.
    const runs: Array<{ start: number; end: number; oldChars: number }> = [];
    for (let k = c.firstToken; k <= c.lastToken; k++) {
      if (!base.tokens[k].text.trim()) continue;
      const s = spanOf.get(k);
      if (!s) continue;
      const run = runs[runs.length - 1];
      if (run && s.start >= run.end && s.start - run.end <= 40) {
        run.end = s.end;
        run.oldChars += base.tokens[k].text.length;
      } else runs.push({ start: s.start, end: s.end, oldChars: base.tokens[k].text.length });
    }
    // The right span is the longest such run if it holds most of the claim; a claim whose words
    // were deleted or scattered (across the edge of a moved paragraph) has none and should be orphaned.
    let words = 0;
    for (let k = c.firstToken; k <= c.lastToken; k++) if (base.tokens[k].text.trim()) words += base.tokens[k].text.length;
    const best = runs.sort((a, b) => b.oldChars - a.oldChars)[0];
    const ok = best && (runs.length === 1 || best.oldChars >= 0.75 * words);
    expected.set(c.id, ok ? { start: best.start, end: best.end } : null);
  }
  return { name, text, expected };
}

/** Scattered word substitutions, insertions and deletions until `share` of the characters changed. */
export function scatteredEdits(base: Workload, share: number, seed: number): Revision {
  const random = rng(seed);
  const vocab = vocabulary(rng(seed + 1), 4000);
  const tokens = base.tokens.map((t) => ({ ...t }));
  let changed = 0;
  const target = base.text.length * share;
  while (changed < target) {
    const i = Math.floor(random() * tokens.length);
    if (!/\w/.test(tokens[i].text)) continue;
    const op = random();
    if (op < 0.5) {
      const word = pickWord(random, vocab);
      changed += Math.max(word.length, tokens[i].text.length);
      tokens[i] = { text: word, origin: tokens[i].origin };
    } else if (op < 0.75) {
      const word = pickWord(random, vocab);
      tokens.splice(i + 1, 0, { text: " ", origin: null }, { text: word, origin: null });
      changed += word.length + 1;
    } else if (tokens[i + 1]?.text === " ") {
      changed += tokens[i].text.length + 1;
      tokens.splice(i, 2);
    }
  }
  return build(`${Math.round(share * 100)}% of characters changed`, base, tokens);
}

/** Moves `count` whole paragraphs to other places. */
export function movedParagraphs(base: Workload, count: number, seed: number): Revision {
  const random = rng(seed);
  let paragraphs: Token[][] = [[]];
  for (const t of base.tokens) {
    paragraphs[paragraphs.length - 1].push({ ...t });
    if (t.text === "\n\n") paragraphs.push([]);
  }
  paragraphs = paragraphs.filter((p) => p.length > 0);
  for (let k = 0; k < count; k++) {
    const from = Math.floor(random() * (paragraphs.length - 1));
    const [p] = paragraphs.splice(from, 1);
    const to = Math.floor(random() * (paragraphs.length - 1));
    paragraphs.splice(to, 0, p);
  }
  return build(`${count} paragraphs moved`, base, paragraphs.flat());
}

/** An update of `words` words inserted at the top. */
export function updateAtTop(base: Workload, words: number, seed: number): Revision {
  const random = rng(seed);
  const vocab = vocabulary(rng(seed + 1), 4000);
  const inserted: Token[] = [{ text: "Update", origin: null }, { text: ":", origin: null }];
  for (let w = 0; w < words; w++) inserted.push({ text: " ", origin: null }, { text: pickWord(random, vocab), origin: null });
  inserted.push({ text: ".", origin: null }, { text: "\n\n", origin: null });
  return build(`${words}-word update at the top`, base, [...inserted, ...base.tokens.map((t) => ({ ...t }))]);
}
