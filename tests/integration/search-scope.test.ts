import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { createClaim } from "@/lib/server/claims/create-claim";
import { searchWorkspace } from "@/lib/server/search/search-workspace";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Search checks its scope on copies of the filter columns (SQLite: the *_fts_scope tables kept by
// triggers; PostgreSQL: columns on its search tables). Every change of scope must reach them.

const TEXT = ["Tariffs on walnut imports doubled in April, the trade minister said.", "Walnut farmers expect lower prices."];
const CANONICAL = TEXT.join("\n\n");

function target(quote: string) {
  const start = CANONICAL.indexOf(quote);
  const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
  return { selector: [q, position] };
}

const ids = (g: { items: Array<{ id: string }> } | null) => g?.items.map((i) => i.id) ?? [];

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT, title: "Walnut tariffs" });
  const second = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: ["Nothing about nuts here."], title: "Second" });
  const claim = await createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: target("Tariffs on walnut imports doubled in April"), statement: "Walnut tariffs doubled", claimant: "Trade Minister", verdict: "true" } });
  await db.source.create({ data: { claimId: claim.id, url: "https://trade.example/walnut", title: "Walnut tariff schedule", publisher: "Trade office", createdById: ws.users.editor.id } });
  const search = (extra: Record<string, unknown> = {}, actor = ws.actors.editor, workspaceId = ws.workspace.id) =>
    searchWorkspace({ actor, workspaceId, input: { q: "walnut", ...extra } });
  const found = async (extra: Record<string, unknown> = {}, actor = ws.actors.editor, workspaceId = ws.workspace.id) => {
    const r = await search(extra, actor, workspaceId);
    return { articles: ids(r.articles), claims: ids(r.claims), sources: r.sources?.items.map((i) => i.claimId) ?? [] };
  };
  return { ...ws, article, second, claim, found };
}

/** SQLite: the scope tables hold exactly what Claim, Article and Source say now (dates aside: see the date filters). */
async function scopeTablesAgree() {
  if (databaseProvider() !== "sqlite") return;
  const differ = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT
    (SELECT count(*) FROM (SELECT c.rowid, c."id", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant"
       FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
     EXCEPT SELECT "rid", "id", "articleId", "workspaceId", "articleStatus", "articleDeleted", "status", "deleted", "verdictKey", "claimant" FROM "claim_fts_scope"))
  + (SELECT count(*) FROM (SELECT "rid", "id", "articleId", "workspaceId", "articleStatus", "articleDeleted", "status", "deleted", "verdictKey", "claimant" FROM "claim_fts_scope"
     EXCEPT SELECT c.rowid, c."id", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant"
       FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"))
  + (SELECT count(*) FROM (SELECT s.rowid, s."id", s."claimId", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant"
       FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId"
     EXCEPT SELECT "rid", "id", "claimId", "articleId", "workspaceId", "articleStatus", "articleDeleted", "claimStatus", "claimDeleted", "verdictKey", "claimant" FROM "source_fts_scope"))
  + (SELECT count(*) FROM (SELECT "rid", "id", "claimId", "articleId", "workspaceId", "articleStatus", "articleDeleted", "claimStatus", "claimDeleted", "verdictKey", "claimant" FROM "source_fts_scope"
     EXCEPT SELECT s.rowid, s."id", s."claimId", c."articleId", a."workspaceId", a."status", a."deletedAt" IS NOT NULL, c."status", c."deletedAt" IS NOT NULL, c."verdictKey", c."claimant"
       FROM "Source" s JOIN "Claim" c ON c."id" = s."claimId" JOIN "Article" a ON a."id" = c."articleId"))
  + (SELECT count(*) FROM (SELECT a.rowid, a."id", a."workspaceId", a."status", a."deletedAt" IS NOT NULL FROM "Article" a
     EXCEPT SELECT "rid", "id", "workspaceId", "status", "deleted" FROM "article_fts_scope"))
  + (SELECT count(*) FROM (SELECT "rid", "id", "workspaceId", "status", "deleted" FROM "article_fts_scope"
     EXCEPT SELECT a.rowid, a."id", a."workspaceId", a."status", a."deletedAt" IS NOT NULL FROM "Article" a)) AS n`);
  expect(Number(differ[0]!.n)).toBe(0);
}

describe("search scope follows every change", () => {
  it("claim status, verdict and claimant; the claim moved to another article; the article published, moved and deleted", async () => {
    const s = await setup();
    const none = { articles: [], claims: [], sources: [] };
    const claimOnly = { articles: [], claims: [s.claim.id], sources: [s.claim.id] };
    const all = { articles: [s.article.id], claims: [s.claim.id], sources: [s.claim.id] };
    expect(await s.found()).toEqual(all);
    expect(await s.found({}, s.actors.reader)).toEqual(none);

    await db.claim.update({ where: { id: s.claim.id }, data: { status: "PUBLISHED", verdictKey: "false", claimant: "Farm Lobby" } });
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    expect(await s.found({}, s.actors.reader)).toEqual(all);
    expect(await s.found({ status: "IN_REVIEW" })).toEqual(none);
    expect((await s.found({ verdict: "true" })).claims).toEqual([]);
    expect(await s.found({ verdict: "false", claimant: "farm lobby" })).toEqual(claimOnly);
    expect(await s.found({ claimant: "trade minister" })).toEqual(none);
    const today = new Date().toISOString().slice(0, 10);
    expect(await s.found({ from: today, to: today })).toEqual(all);
    expect(await s.found({ to: "2000-01-01" })).toEqual(none);
    await db.claim.update({ where: { id: s.claim.id }, data: { createdAt: new Date("1999-06-01T12:00:00Z") } });
    expect(await s.found({ from: "1999-06-01", to: "1999-06-01" })).toEqual({ articles: [], claims: [s.claim.id], sources: [] });
    await scopeTablesAgree();

    // Moved to an unpublished article: readers lose it, editors keep it.
    await db.claim.update({ where: { id: s.claim.id }, data: { articleId: s.second.id } });
    expect(await s.found({}, s.actors.reader)).toEqual({ articles: [s.article.id], claims: [], sources: [] });
    await db.article.update({ where: { id: s.second.id }, data: { status: "PUBLISHED" } });
    expect(await s.found({}, s.actors.reader)).toEqual(all);
    await scopeTablesAgree();

    // The article with the claim moved to another workspace.
    await db.article.update({ where: { id: s.second.id }, data: { workspaceId: s.otherWorkspace.id } });
    expect(await s.found()).toEqual({ articles: [s.article.id], claims: [], sources: [] });
    expect(await s.found({}, s.actors.outsider, s.otherWorkspace.id)).toEqual(claimOnly);
    await scopeTablesAgree();

    // Soft-deleted, restored, then deleted for good (claims and sources go with it).
    await db.article.update({ where: { id: s.second.id }, data: { deletedAt: new Date() } });
    expect(await s.found({}, s.actors.outsider, s.otherWorkspace.id)).toEqual(none);
    await db.article.update({ where: { id: s.second.id }, data: { deletedAt: null } });
    expect(await s.found({}, s.actors.outsider, s.otherWorkspace.id)).toEqual(claimOnly);
    await db.article.delete({ where: { id: s.second.id } });
    expect(await s.found({}, s.actors.outsider, s.otherWorkspace.id)).toEqual(none);
    await scopeTablesAgree();
  });
});
