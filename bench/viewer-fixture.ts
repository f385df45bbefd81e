// The article page benchmark's data (bench/viewer.bench.ts): a throwaway SQLite database with
// the demo accounts, one 10,000-word article per claim count, and the claims created through
// the services (createClaim, addSource), as an editor would. Also the static pages the peers
// are measured on: the same text with no app around it, and recogito's text annotator.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface Span {
  start: number;
  end: number;
}

export interface SeededArticle {
  id: string;
  claims: number;
  /** Claim spans in canonical offsets, in creation order. */
  spans: Span[];
}

export interface Fixture {
  /** The article body as the app renders it (renderDocumentHtml), without claims. */
  bodyHtml: string;
  canonicalText: string;
  articles: SeededArticle[];
}

const VOCABULARY = (
  "the minister said that inflation fell by percent last year while unemployment rose in the north " +
  "according to official figures released on monday the government claims its policy cut waiting lists " +
  "but hospitals report longer delays critics argue that spending on schools has not kept pace with " +
  "prices and the opposition promised to build homes every year for the next decade experts warned " +
  "that the numbers do not add up because tax receipts were lower than forecast in most regions"
).split(" ");

/** About `words` words of prose-like text: sentences of 8–20 words, paragraphs of about 100. */
export function articleText(words: number): string {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const paragraphs: string[] = [];
  let sentence: string[] = [];
  let paragraph: string[] = [];
  let count = 0;
  for (let i = 0; i < words; i++) {
    sentence.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)]);
    count++;
    if (sentence.length >= 8 + Math.floor(rand() * 12) || i === words - 1) {
      const s = sentence.join(" ");
      paragraph.push(`${s[0].toUpperCase()}${s.slice(1)}.`);
      sentence = [];
      if (paragraph.join(" ").split(" ").length >= 100 || i === words - 1) {
        paragraphs.push(paragraph.join(" "));
        paragraph = [];
      }
    }
  }
  return `Benchmark article of ${count} words\n\n${paragraphs.join("\n\n")}\n`;
}

/**
 * `count` claim spans of 2–12 words spread evenly over the text, never across a paragraph;
 * every tenth overlaps the one before it.
 */
export function claimSpans(text: string, count: number): Span[] {
  const words: Span[] = [];
  const paragraphOf: number[] = [];
  let paragraph = 0;
  for (const m of text.matchAll(/\S+|\n\n/g)) {
    if (m[0] === "\n\n") paragraph++;
    else {
      words.push({ start: m.index, end: m.index + m[0].length });
      paragraphOf.push(paragraph);
    }
  }
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    let w = Math.floor((i * words.length) / count);
    if (i % 10 === 9 && w > 2 && paragraphOf[w - 2] === paragraphOf[w]) w -= 2;
    let last = Math.min(words.length - 1, w + 1 + (i % 11));
    while (paragraphOf[last] !== paragraphOf[w]) last--;
    spans.push({ start: words[w].start, end: words[last].end });
  }
  return spans;
}

/** Migrates a fresh SQLite database and loads the demo accounts (as the e2e server does). */
/** The environment of a benchmark serving `next start` over the SQLite file `dbFile` (demo password `password`). */
export function sqliteBenchEnv(dbFile: string, password: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DB_PROVIDER: "sqlite",
    SQLITE_URL: `file:${dbFile}`,
    DEMO_PASSWORD: password,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789",
  };
}

export function prepareDatabase(env: NodeJS.ProcessEnv) {
  const opts = { env, stdio: ["ignore", "ignore", "inherit"] as ["ignore", "ignore", "inherit"] };
  execFileSync("npx", ["prisma", "migrate", "deploy"], opts);
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { ...opts, env: { ...env, SEED_DEMO_FACTCHECK: "0" } });
}

/** One article per claim count, with claims created through the services (after prepareDatabase). */
export async function seedArticles(sizes: number[], words: number, log: (s: string) => void): Promise<Fixture> {
  const { db } = await import("@/lib/db");
  const { createArticle } = await import("@/lib/server/articles/create-article");
  const { createClaim } = await import("@/lib/server/claims/create-claim");
  const { addSource } = await import("@/lib/server/sources/add-source");
  const { renderDocumentHtml } = await import("@/lib/document/render-html");
  const user = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  const actor = { userId: user.id, email: user.email, name: user.name, isSuperAdmin: false };
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo" } });
  const verdicts = (await db.verdict.findMany({ where: { scale: { workspaceId: workspace.id }, archived: false }, select: { key: true } })).map((v) => v.key);
  const text = articleText(words);
  const articles: SeededArticle[] = [];
  let bodyHtml = "";
  let canonicalText = "";
  for (const count of sizes) {
    const started = Date.now();
    const article = await createArticle({ actor, workspaceId: workspace.id, input: { source: { kind: "text", text } } });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { canonicalText: true, document: true } });
    canonicalText = row.canonicalText;
    bodyHtml = renderDocumentHtml(JSON.parse(row.document));
    const spans = claimSpans(canonicalText, count);
    for (let i = 0; i < spans.length; i++) {
      const { start, end } = spans[i];
      const exact = canonicalText.slice(start, end);
      const claim = await createClaim({
        actor,
        articleId: article.id,
        input: {
          target: { selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end }] },
          claimant: i % 3 === 0 ? `Claimant ${i % 40}` : undefined,
          verdict: i % 4 === 3 ? null : verdicts[i % verdicts.length],
          rationale: `<p>Checked against the <strong>official records</strong> for claim ${i}; the figures differ from what was said.</p>`,
        },
      });
      // Half the claims are sourced (the blank-scroll-area bug needed many sourced claims).
      if (i % 2 === 0) await addSource({ actor, claimId: claim.id, input: { url: `https://records.example/${i}`, title: `Official records ${i}` } });
    }
    articles.push({ id: article.id, claims: count, spans });
    log(`  seeded ${count.toLocaleString("en-US")} claims in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { bodyHtml, canonicalText, articles };
}

const PAGE_STYLE =
  "body{margin:0;font-family:Georgia,serif}main{max-width:46rem;margin:2rem auto;padding:0 1.5rem;line-height:1.7;font-size:1.125rem}";

/** The same text with no app around it (the peer of the 0-claim page and of scrolling). */
export function barePage(bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title><style>${PAGE_STYLE}</style></head><body><main><div id="text">${bodyHtml}</div></main>
<script>requestAnimationFrame(()=>requestAnimationFrame(()=>performance.mark("bare:painted")))</script></body></html>`;
}

/**
 * The same text annotated by @recogito/text-annotator (SPANS renderer) with the same spans.
 * Recogito counts offsets in the container's text (no separators between paragraphs), the app
 * in canonical text (paragraphs joined by "\n\n"): the spans are converted. Its browser build
 * reads process.env.NODE_ENV, as a bundler would have defined it.
 */
export function recogitoPage(bodyHtml: string, canonicalText: string, spans: Span[]): string {
  const paragraphStarts = [0];
  for (let i = canonicalText.indexOf("\n\n"); i >= 0; i = canonicalText.indexOf("\n\n", i + 2)) paragraphStarts.push(i + 2);
  const toContainer = (offset: number) => {
    let p = 0;
    while (p + 1 < paragraphStarts.length && paragraphStarts[p + 1] <= offset) p++;
    return offset - 2 * p;
  };
  const annotations = spans.map((s, i) => ({
    id: `c${i}`,
    bodies: [],
    target: { annotation: `c${i}`, selector: [{ quote: canonicalText.slice(s.start, s.end), start: toContainer(s.start), end: toContainer(s.end) }] },
  }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recogito</title><style>${PAGE_STYLE}</style>
<link rel="stylesheet" href="/recogito.css"><script>window.process = { env: { NODE_ENV: "production" } };</script><script src="/recogito.js"></script></head><body><main><div id="text">${bodyHtml}</div></main>
<script>
const annotations = ${JSON.stringify(annotations)};
const anno = RecogitoJS.createTextAnnotator(document.getElementById("text"), { renderer: "SPANS" });
anno.setAnnotations(annotations);
const wait = () => {
  const layer = document.querySelector(".r6o-span-highlight-layer");
  if (annotations.length === 0 || (layer && layer.childElementCount > 0)) requestAnimationFrame(() => performance.mark("recogito:painted"));
  else requestAnimationFrame(wait);
};
requestAnimationFrame(wait);
</script></body></html>`;
}

export function recogitoAssets(): { js: string; css: string } {
  const dist = path.join(process.cwd(), "node_modules", "@recogito", "text-annotator", "dist");
  return { js: readFileSync(path.join(dist, "text-annotator.umd.js"), "utf8"), css: readFileSync(path.join(dist, "text-annotator.css"), "utf8") };
}
