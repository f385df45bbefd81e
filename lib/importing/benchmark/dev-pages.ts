// The benchmark's development half (../shared/fixtures/extraction-benchmark beside the repository):
// 70 saved pages with their human-written article bodies. Used by bench/extraction.bench.ts and
// the correctness-floor test; never by the app.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export const BENCHMARK_DIR = path.resolve(__dirname, "../../../../shared/fixtures/extraction-benchmark");

export interface BenchmarkPage {
  key: string;
  url: string;
  html: string;
  expected: string;
}

/**
 * The other half (the independent check, never tuned on): not shipped beside the repository;
 * same layout (ground-truth.json + html/<key>.html.gz) wherever it is put.
 */
export const INDEPENDENT_DIR = path.resolve(__dirname, "../../../../shared/fixtures/extraction-benchmark-independent");

export function benchmarkAvailable(dir = BENCHMARK_DIR): boolean {
  return existsSync(path.join(dir, "ground-truth.json"));
}

export function loadBenchmarkPages(limit = Infinity, dir = BENCHMARK_DIR): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string; url: string }>;
  return Object.keys(truth)
    .sort()
    .slice(0, limit)
    .map((key) => ({
      key,
      url: truth[key].url,
      // The pages are UTF-8 (the benchmark stores them re-encoded).
      html: gunzipSync(readFileSync(path.join(dir, "html", `${key}.html.gz`))).toString("utf8"),
      expected: truth[key].articleBody,
    }));
}
