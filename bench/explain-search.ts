// EXPLAIN (ANALYZE, BUFFERS) of what search sends to PostgreSQL (issue 14, "Speed"), on a database
// bench/search.bench.ts generated and kept: the search service runs each benchmark query once (as
// an editor and as a reader) with its SQL recorded, then every full-text statement is explained with
// its own parameters. Plans go to bench/plans/search.txt, slowest statement first.
//
//   createdb -h 127.0.0.1 -U postgres fm_me
//   DB_PROVIDER=postgresql DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fm_me npx prisma migrate deploy
//   DB_PROVIDER=postgresql DATABASE_URL=... npx tsx --conditions=react-server bench/search-measure.ts   (generates)
//   DB_PROVIDER=postgresql DATABASE_URL=... npx tsx --conditions=react-server bench/explain-search.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { db, disconnectDb } from "../lib/db";
import { searchWorkspace } from "../lib/server/search/search-workspace";
import { findSimilarClaims } from "../lib/server/search/find-similar-claims";
import { SEARCH_QUERIES } from "./search-workload";
import { recordPgStatements } from "./support/record-pg-statements";

const OUT = path.join(import.meta.dirname, "plans", "search.txt");

async function main() {
  const ws = await db.workspace.findUniqueOrThrow({ where: { slug: "bench-desk" } });
  const actor = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    return { userId: u.id, email: u.email, name: u.name, isSuperAdmin: false };
  };
  const people = { editor: await actor("editor@bench.test"), reader: await actor("reader@bench.test") };
  const firstArticle = await db.article.findFirstOrThrow({ where: { workspaceId: ws.id }, select: { id: true, canonicalText: true }, orderBy: { id: "asc" } });
  const selection = firstArticle.canonicalText.split(/(?<=[.!?])\s+/)[2] ?? firstArticle.canonicalText.slice(0, 200);

  const runs: Array<[string, () => Promise<unknown>]> = [];
  for (const who of ["editor", "reader"] as const) {
    for (const input of SEARCH_QUERIES) runs.push([`${who} ${JSON.stringify(input)}`, () => searchWorkspace({ actor: people[who], workspaceId: ws.id, input: { pageSize: 5, ...input } })]);
  }
  runs.push([`checked before ${JSON.stringify(selection.slice(0, 60))}…`, () => findSimilarClaims({ actor: people.editor, articleId: firstArticle.id, text: selection, limit: 5 })]);

  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const explained: Array<{ ms: number; text: string }> = [];
  try {
    for (const [label, run] of runs) {
      await run(); // warm: modules, prepared client, cache
      const statements = (await recordPgStatements(run, /^\s*SELECT/i)).filter((s) => /_fts|_matches|_like|word_similarity|ts_headline/.test(s.text));
      for (const s of statements) {
        const plan = (await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values)).rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0) + Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        explained.push({ ms, text: `-- ${label}\n-- ${s.text}\n-- parameters: ${JSON.stringify(s.values)}\n${plan}\n` });
      }
    }
  } finally {
    await admin.end();
  }
  explained.sort((a, b) => b.ms - a.ms);
  const counts = await Promise.all([db.article.count(), db.claim.count(), db.source.count()]);
  const head = `search on PostgreSQL: ${counts[0]} articles, ${counts[1]} claims, ${counts[2]} sources; ${explained.length} full-text statements, slowest first (planning + execution ms)\n\n`;
  const index = explained.map((e) => `${e.ms.toFixed(1).padStart(8)}  ${e.text.split("\n")[0]!.slice(3)}`).join("\n");
  writeFileSync(OUT, `${head}${index}\n\n${explained.map((e) => e.text).join("\n")}`);
  console.log(`${head}${index.split("\n").slice(0, 15).join("\n")}\n\nPlans written to ${path.relative(process.cwd(), OUT)}.`);
  await disconnectDb();
}

main().catch(async (e) => {
  console.error(e);
  await disconnectDb();
  process.exit(1);
});
