import { readFileSync } from "node:fs";
import path from "node:path";
import labels from "./fixtures/labels.json";
import { checkWorthySentences } from "./score-sentences";

// Precision at k of the check-worthy hints against the hand labels in fixtures/labels.json
// (the sample and five fixture articles). The texts are read from ../shared/fixtures beside the
// repository (FACTMARK_SHARED_DIR overrides); a hinted sentence is matched to its label by text.

export interface ArticlePrecision {
  id: string;
  sentences: number;
  checkWorthy: number;
  at5: number;
  at10: number;
  /** Hinted sentences the labels do not know (counted as not check-worthy). */
  unlabelled: number;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

function sharedDir(): string {
  return process.env.FACTMARK_SHARED_DIR ?? path.resolve(__dirname, "../../../shared");
}

export function labelledText(source: string): string {
  const [file, key] = source.split("#");
  const raw = readFileSync(path.join(sharedDir(), "fixtures", file!), "utf8");
  return key ? (JSON.parse(raw) as Record<string, { articleBody: string }>)[key]!.articleBody : raw;
}

export function precisionAtK(): ArticlePrecision[] {
  return labels.articles.map((a) => {
    const truth = new Map(a.sentences.map((s) => [norm(s.text), s.checkWorthy]));
    const text = labelledText(a.source);
    const hints = checkWorthySentences(text, { limit: 10, minScore: 0 }).map((h) => truth.get(norm(text.slice(h.start, h.end))));
    const at = (k: number) => hints.slice(0, k).filter(Boolean).length / k;
    return {
      id: a.id,
      sentences: a.sentences.length,
      checkWorthy: a.sentences.filter((s) => s.checkWorthy).length,
      at5: at(5),
      at10: at(10),
      unlabelled: hints.filter((h) => h === undefined).length,
    };
  });
}
