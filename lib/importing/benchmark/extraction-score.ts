// Article-body extraction scoring, exactly as the benchmark's README defines it (the same as
// Zyte's article-extraction-benchmark): tokens are Unicode \w+ runs, shingles are 4-token windows,
// tp/fp/fn are counted over shingle multisets and normalised per page; precision and recall are
// means over pages, F1 = 2PR/(P+R) of those means.

const TOKEN = /[\p{L}\p{N}_]+/gu; // Python's \w: letters, numbers, underscore
const SHINGLE = 4;

export function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  // Python's reference: a text shorter than one window is one (shorter) shingle.
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(" ");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
}

export function scorePage(expected: string, predicted: string): PageScore {
  const a = shingles(expected);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, na] of a) {
    const nb = b.get(k) ?? 0;
    tp += Math.min(na, nb);
    fn += Math.max(0, na - nb);
  }
  for (const [k, nb] of b) fp += Math.max(0, nb - (a.get(k) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { precision: 1, recall: 1 };
  const [t, p, n] = [tp / total, fp / total, fn / total];
  return { precision: t + p === 0 ? 0 : t / (t + p), recall: t + n === 0 ? 0 : t / (t + n) };
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

export function summarize(scores: PageScore[]): Summary {
  const precision = scores.reduce((s, x) => s + x.precision, 0) / (scores.length || 1);
  const recall = scores.reduce((s, x) => s + x.recall, 0) / (scores.length || 1);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, pages: scores.length };
}
