// EXPLAIN ANALYZE of the hot queries on PostgreSQL with 200,000 claims (issue 9, "Also"): a fresh
// database, migrated and seeded, filled in bulk (SQL generate_series) with 1,000 articles of 200
// claims by 20 members (authors, assignees, approvers), 100,000 comments (a third of them replies),
// 50,000 mentions and 100,000 notifications; ANALYZE; then the real services run once with the
// SQL they send recorded, and every statement is explained with its own parameters. Plans go to
// bench/plans/<service>.txt; the summary flags a sequential scan of a big table.
//
//   npx tsx --conditions=react-server bench/explain-hot-queries.ts [--smoke]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "../scripts/reliability/harness";
import { smoke } from "./support/load";
import { recordPgStatements } from "./support/record-pg-statements";

const CLAIMS = smoke ? 20_000 : 200_000;
const ARTICLES = smoke ? 100 : 1_000;
const MEMBERS = 20;
const BIG_TABLES = ["Claim", "Comment", "Mention", "Notification", "Source", "AuditEvent"];
const OUT = path.join(import.meta.dirname, "plans");

async function fill(client: pg.Client, workspaceId: string) {
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") SELECT 'bu' || g, 'member' || g || '@bench.example', 'Member ' || g, 'x', now() FROM generate_series(1, $1) g`,
    [MEMBERS],
  );
  await q(`INSERT INTO "Membership" (id, "userId", "workspaceId", role, "updatedAt") SELECT 'bm' || g, 'bu' || g, $1, 'EDITOR', now() FROM generate_series(1, $2) g`, [workspaceId, MEMBERS]);
  await q(
    `INSERT INTO "Article" (id, "workspaceId", slug, title, document, "canonicalText", "contentHash", status, "createdById", "updatedById", "updatedAt", "createdAt")
     SELECT 'ba' || g, $1, 'bench-' || g, 'Bench article ' || g, '{"type":"doc","content":[]}', repeat('word ', 2000), md5(g::text), CASE WHEN g % 3 = 0 THEN 'PUBLISHED' ELSE 'DRAFT' END,
            'bu' || (1 + g % $3), 'bu' || (1 + g % $3), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
     FROM generate_series(1, $2) g`,
    [workspaceId, ARTICLES, MEMBERS],
  );
  const statuses = `(ARRAY['DRAFT','IN_REVIEW','CHANGES_REQUESTED','APPROVED','PUBLISHED'])[1 + g % 5]`;
  await q(
    `INSERT INTO "Claim" (id, "articleId", exact, start, "end", statement, claimant, "verdictKey", rationale, status, "assigneeId", "approvedById", "createdById", "updatedById", "updatedAt", "createdAt")
     SELECT 'bc' || g, 'ba' || (1 + g % $2), 'word word', (g / $2) * 10, (g / $2) * 10 + 9, 'Claim ' || g, 'Claimant ' || (g % 500), 'true', '<p>Checked.</p>', ${statuses},
            CASE WHEN g % 4 = 0 THEN NULL ELSE 'bu' || (1 + g % $3) END, CASE WHEN g % 5 >= 3 THEN 'bu' || (1 + (g + 1) % $3) END,
            'bu' || (1 + (g / 7) % $3), 'bu' || (1 + (g / 7) % $3), now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
     FROM generate_series(1, $1) g`,
    [CLAIMS, ARTICLES, MEMBERS],
  );
  await q(`INSERT INTO "Source" (id, "claimId", url, title, stance, "createdById", "updatedAt") SELECT 'bs' || g, 'bc' || g, 'https://records.example/' || g, 'Records', 'SUPPORTS', 'bu1', now() FROM generate_series(1, $1) g`, [CLAIMS]);
  const comments = CLAIMS / 2;
  await q(
    `INSERT INTO "Comment" (id, "claimId", "authorId", body, "parentId", resolved, "updatedAt", "createdAt")
     SELECT 'bk' || g, 'bc' || (1 + (g * 7) % $1), 'bu' || (1 + g % $2), 'A comment', CASE WHEN g % 3 = 0 THEN 'bk' || (g - 1) END, g % 4 = 0, now(), now() - (g || ' seconds')::interval
     FROM generate_series(1, $3) g`,
    [CLAIMS, MEMBERS, comments],
  );
  await q(`INSERT INTO "Mention" (id, "commentId", "userId", "readAt", "createdAt") SELECT 'bn' || g, 'bk' || g, 'bu' || (1 + g % $1), CASE WHEN g % 2 = 0 THEN now() END, now() - (g || ' seconds')::interval FROM generate_series(1, $2) g`, [MEMBERS, comments / 2]);
  await q(
    `INSERT INTO "Notification" (id, "userId", "workspaceId", type, "claimId", "articleId", message, "readAt", "createdAt")
     SELECT 'bo' || g, 'bu' || (1 + g % $1), $2, 'assigned', 'bc' || g, 'ba' || (1 + g % $3), 'You were assigned', CASE WHEN g % 2 = 0 THEN now() END, now() - (g || ' seconds')::interval FROM generate_series(1, $4) g`,
    [MEMBERS, workspaceId, ARTICLES, CLAIMS / 2],
  );
  await q("ANALYZE");
}

async function main() {
  const database = await createDatabase("postgresql");
  Object.assign(process.env, database.env);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const ws = (await admin.query(`SELECT id FROM "Workspace" WHERE slug = 'demo'`)).rows[0] as { id: string };
    const t0 = performance.now();
    await fill(admin, ws.id);
    console.log(`Filled ${CLAIMS.toLocaleString("en")} claims in ${ARTICLES} articles (+ comments, mentions, notifications) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

    const { loadActor } = await import("../lib/auth/load-actor");
    const member = (await loadActor("bu3"))!;
    const services: Record<string, () => Promise<unknown>> = {
      "claims-of-article": async () => (await import("../lib/server/claims/list-claims")).listClaimsPage({ actor: member, articleId: "ba7", query: { limit: 100 } }),
      "review-queue-newest": async () => (await import("../lib/server/claims/list-review-queue")).listReviewQueue({ actor: member, workspaceId: ws.id, query: { sort: "newest" } as never }),
      "review-queue-assigned-to-me": async () => (await import("../lib/server/claims/list-review-queue")).listReviewQueue({ actor: member, workspaceId: ws.id, query: { assignee: "me", sort: "newest" } as never }),
      "review-queue-by-author": async () => (await import("../lib/server/claims/list-review-queue")).listReviewQueue({ actor: member, workspaceId: ws.id, query: { author: "bu5", sort: "newest" } as never }),
      "review-queue-counts": async () => (await import("../lib/server/claims/list-review-queue")).countReviewQueue({ actor: member, workspaceId: ws.id }),
      claimants: async () => (await import("../lib/server/claims/list-claimants")).listClaimants({ actor: member, workspaceId: ws.id }),
      "comments-of-claim": async () => (await import("../lib/server/comments/list-comments")).listComments({ actor: member, claimId: "bc14" }),
      mentions: async () => (await import("../lib/server/comments/list-mentions")).listMentions({ actor: member }),
      notifications: async () => (await import("../lib/server/notifications/list-notifications")).listNotifications({ actor: member, unreadOnly: true }),
      "articles-newest": async () => (await import("../lib/server/articles/list-articles")).listArticles({ actor: member, workspaceId: ws.id }),
    };
    mkdirSync(OUT, { recursive: true });
    console.log(`\n${"service".padEnd(30)} ${"statements".padStart(10)} ${"slowest ms".padStart(11)}  sequential scans of big tables`);
    for (const [name, run] of Object.entries(services)) {
      await run(); // warm: the first call loads modules and prepares the client
      const statements = await recordPgStatements(run, /^\s*(SELECT|WITH|UPDATE|DELETE|INSERT)/i);
      const parts: string[] = [];
      let slowest = 0;
      const seqScans = new Set<string>();
      for (const s of statements) {
        const plan = (await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values)).rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        slowest = Math.max(slowest, ms);
        for (const t of BIG_TABLES) if (new RegExp(`Seq Scan on "?${t}"?`).test(plan)) seqScans.add(t);
        parts.push(`-- ${s.text}\n-- parameters: ${JSON.stringify(s.values)}\n${plan}\n`);
      }
      writeFileSync(path.join(OUT, `${name}.txt`), `${name}: ${statements.length} statements, ${CLAIMS.toLocaleString("en")} claims\n\n${parts.join("\n")}`);
      console.log(`${name.padEnd(30)} ${String(statements.length).padStart(10)} ${slowest.toFixed(2).padStart(11)}  ${[...seqScans].join(", ") || "none"}`);
    }
    console.log(`\nPlans written to ${path.relative(process.cwd(), OUT)}/.`);
  } finally {
    await admin.end();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
