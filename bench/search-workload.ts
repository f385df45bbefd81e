// Workload for bench/search.bench.ts: a workspace of N articles and M claims written with bulk
// multi-row INSERTs (the FTS5 triggers and the GIN expression indexes are maintained as in
// production). Text comes from the 70 real articles of the extraction benchmark, sentence by
// sentence, with numbers and one name varied so rows differ.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../lib/db";
import { splitSentences } from "../lib/checkworthy/score-sentences";
import type { SearchWorkspaceInput } from "../lib/server/search/search-workspace";

const GROUND_TRUTH = path.join(__dirname, "../../shared/fixtures/extraction-benchmark/ground-truth.json");
const FALLBACK_GROUND_TRUTH = "/work/shared/fixtures/extraction-benchmark/ground-truth.json";

export interface Corpus {
  sentences: string[];
  names: string[];
}

/** Deterministic pseudo-random numbers (mulberry32). */
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

export function loadCorpus(): Corpus {
  let raw: string;
  try {
    raw = readFileSync(GROUND_TRUTH, "utf8");
  } catch {
    raw = readFileSync(FALLBACK_GROUND_TRUTH, "utf8");
  }
  const truth = JSON.parse(raw) as Record<string, { articleBody?: string }>;
  const sentences: string[] = [];
  const names = new Set<string>();
  for (const { articleBody } of Object.values(truth)) {
    for (const s of splitSentences(articleBody ?? "")) {
      const words = s.text.split(/\s+/).length;
      if (words < 6 || words > 45) continue;
      sentences.push(s.text.replace(/\s+/g, " "));
      for (const m of s.text.slice(1).matchAll(/\b\p{Lu}\p{Ll}{3,}\s\p{Lu}\p{Ll}{3,}\b/gu)) names.add(m[0]);
    }
  }
  return { sentences, names: [...names] };
}

/** A sentence of the corpus with its numbers varied (so equal sentences are not equal rows). */
export function variant(corpus: Corpus, rand: () => number): string {
  const s = corpus.sentences[Math.floor(rand() * corpus.sentences.length)]!;
  return s.replace(/\b\d+\b/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + rand())))));
}

/** What people type into the search box: common, rare, multi-word, name, prefix, hostile and filtered queries. */
export const SEARCH_QUERIES: SearchWorkspaceInput[] = [
  { q: "government" },
  { q: "the" },
  { q: "air quality index" },
  { q: "pollution delhi" },
  { q: "Condé Nast" },
  { q: "infla" },
  { q: "percent 2017" },
  { q: "climate change emissions" },
  { q: "zeppelin quokka" },
  { q: `"president OR (NEAR -` },
  { q: "minister said", kind: "claims" },
  { q: "police", kind: "claims", verdict: "false" },
  { q: "reuters", kind: "sources" },
  { q: "election", status: "PUBLISHED" },
  { q: "study found", from: "2024-01-01", to: "2024-12-31" },
  { q: "market", page: 3 },
];

const STATUSES = ["DRAFT", "DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "PUBLISHED", "PUBLISHED"];
const VERDICTS = ["true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven", null];

export interface Generated {
  workspaceId: string;
  editor: { userId: string; email: string; name: string; isSuperAdmin: boolean };
  reader: { userId: string; email: string; name: string; isSuperAdmin: boolean };
  articleIds: string[];
  ms: number;
}

async function insertRows(db: Db, pg: boolean, table: string, columns: string[], rows: unknown[][]) {
  const perRow = columns.length;
  const batch = Math.max(1, Math.floor((pg ? 30_000 : 30_000) / perRow));
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    let n = 0;
    const values = slice.map((r) => `(${r.map(() => (pg ? `$${++n}` : "?")).join(",")})`).join(",");
    await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`, ...slice.flat());
  }
}

/** Fills a fresh database; returns the ids and actors the measurements need. */
export async function generate(db: Db, pg: boolean, opts: { articles: number; claimsPerArticle: number; sourcesEvery: number; seed?: number }): Promise<Generated> {
  const t0 = performance.now();
  const corpus = loadCorpus();
  const rand = rng(opts.seed ?? 14);
  const ws = await db.workspace.create({ data: { name: "Bench desk", slug: "bench-desk", organizationName: "Bench" } });
  const editorUser = await db.user.create({ data: { email: "editor@bench.test", name: "Eddie Editor" } });
  const readerUser = await db.user.create({ data: { email: "reader@bench.test", name: "Rita Reader" } });
  await db.membership.create({ data: { userId: editorUser.id, workspaceId: ws.id, role: "EDITOR" } });
  await db.membership.create({ data: { userId: readerUser.id, workspaceId: ws.id, role: "READER" } });
  // Dates as the adapter writes them (SQLite: ISO text or epoch ms).
  const probe = pg ? [] : await db.$queryRawUnsafe<Array<{ t: string }>>(`SELECT typeof("createdAt") AS t FROM "Workspace" LIMIT 1`);
  const asDate = (ms: number): unknown => (pg ? new Date(ms) : probe[0]?.t === "integer" ? ms : new Date(ms).toISOString());
  const epoch = Date.parse("2023-01-01T00:00:00Z");
  const span = 3 * 365 * 86_400_000;

  const articleCols = ["id", "workspaceId", "slug", "title", "byline", "language", "document", "canonicalText", "contentHash", "status", "createdById", "updatedById", "createdAt", "updatedAt"];
  const claimCols = ["id", "articleId", "exact", "start", "end", "claimant", "statement", "verdictKey", "rationale", "status", "createdById", "updatedById", "createdAt", "updatedAt"];
  const sourceCols = ["id", "claimId", "url", "title", "publisher", "createdById", "createdAt", "updatedAt"];
  const articleIds: string[] = [];
  const CHUNK = 500; // articles per round of inserts
  for (let a0 = 0; a0 < opts.articles; a0 += CHUNK) {
    const articles: unknown[][] = [];
    const claims: unknown[][] = [];
    const sources: unknown[][] = [];
    for (let a = a0; a < Math.min(opts.articles, a0 + CHUNK); a++) {
      const id = `bart${a.toString(36).padStart(6, "0")}`;
      articleIds.push(id);
      const paragraphs = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => variant(corpus, rand)).join(" "));
      const text = paragraphs.join("\n\n");
      const created = epoch + Math.floor(rand() * span);
      const status = rand() < 0.6 ? "PUBLISHED" : "DRAFT";
      const title = variant(corpus, rand).split(" ").slice(0, 9).join(" ");
      const author = corpus.names[Math.floor(rand() * corpus.names.length)] ?? "Staff";
      articles.push([id, ws.id, `bench-${a}`, title, `By ${author}`, "en", '{"type":"doc","content":[]}', text, createHash("sha1").update(text).digest("hex"), status, editorUser.id, editorUser.id, asDate(created), asDate(created)]);
      const sentences = splitSentences(text);
      for (let c = 0; c < opts.claimsPerArticle; c++) {
        const s = sentences[(c * 7) % sentences.length]!;
        const claimId = `bclm${(a * opts.claimsPerArticle + c).toString(36).padStart(7, "0")}`;
        const claimant = rand() < 0.7 ? corpus.names[Math.floor(rand() * corpus.names.length)]! : null;
        const verdict = VERDICTS[Math.floor(rand() * VERDICTS.length)]!;
        const cStatus = status === "PUBLISHED" ? STATUSES[Math.floor(rand() * STATUSES.length)]! : "DRAFT";
        const rationale = `<p>${variant(corpus, rand)}</p>`;
        const when = asDate(created + c * 60_000);
        claims.push([claimId, id, s.text, s.start, s.end, claimant, s.text, verdict, rationale, cStatus, editorUser.id, editorUser.id, when, when]);
        if ((a * opts.claimsPerArticle + c) % opts.sourcesEvery === 0) {
          const host = ["reuters.com", "apnews.com", "bbc.co.uk", "ons.gov.uk", "who.int", "un.org"][Math.floor(rand() * 6)];
          const title = variant(corpus, rand).split(" ").slice(0, 8).join(" ");
          sources.push([`bsrc${claimId.slice(4)}`, claimId, `https://www.${host}/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}`, title, host.split(".")[0]!.toUpperCase(), editorUser.id, when, when]);
        }
      }
    }
    await insertRows(db, pg, "Article", articleCols, articles);
    await insertRows(db, pg, "Claim", claimCols, claims);
    await insertRows(db, pg, "Source", sourceCols, sources);
  }
  if (pg) await db.$executeRawUnsafe(`ANALYZE`);
  else await db.$executeRawUnsafe(`ANALYZE`);
  const actor = (u: { id: string; email: string; name: string }) => ({ userId: u.id, email: u.email, name: u.name, isSuperAdmin: false });
  return { workspaceId: ws.id, editor: actor(editorUser), reader: actor(readerUser), articleIds, ms: performance.now() - t0 };
}
