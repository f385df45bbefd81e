import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { searchWorkspace } from "@/lib/server/search/search-workspace";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = [
  "Russia annexed Crimea from Ukraine in 2014, the president said.",
  "Inflation is at a 40-year high, according to the finance minister.",
  "Unemployment fell to 3.5 percent in March.",
];
const CANONICAL = TEXT.join("\n\n");

function target(quote: string) {
  const start = CANONICAL.indexOf(quote);
  const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
  return { selector: [q, position] };
}

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT, title: "Kremlin talks over Crimea" });
  await db.article.update({ where: { id: article.id }, data: { language: "en" } });
  const claim = (quote: string, extra: Record<string, unknown> = {}) =>
    createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: target(quote), ...extra } });
  const search = (q: string, extra: Record<string, unknown> = {}, actor = ws.actors.editor) =>
    searchWorkspace({ actor, workspaceId: ws.workspace.id, input: { q, ...extra } });
  return { ...ws, article, claim, search };
}

const ids = (g: { items: Array<{ id: string }> } | null) => g?.items.map((i) => i.id) ?? [];

describe("searchWorkspace", () => {
  it("finds articles, claims and sources with stemming, ranks the exact statement first and marks matched words", async () => {
    const s = await setup();
    const exact = await s.claim("Russia annexed Crimea from Ukraine in 2014", { statement: "Russia annexed Crimea from Ukraine in 2014", claimant: "Vladimir Putin" });
    const loose = await s.claim("Inflation is at a 40-year high", { statement: "Inflation is high, unlike Crimea", rationale: "<p>Russia and <b>Ukraine</b> figures</p>" });
    await db.source.create({ data: { claimId: exact.id, url: "https://archive.example/crimea-2014", title: "Treaty on the accession of Crimea", publisher: "Kremlin", createdById: s.users.editor.id } });

    const r = await s.search("russia annexing crimea ukraine 2014");
    expect(ids(r.claims)[0]).toBe(exact.id);
    expect(r.articles?.items.map((a) => a.id)).toContain(s.article.id);
    const hit = r.claims!.items[0]!;
    expect(hit.snippet.some((seg) => seg.hit && /crimea/i.test(seg.text))).toBe(true);
    // No claim has every word: any word may match, the one sharing the most ranks first.
    const reworded = await s.search("figures on Ukraine inflation high");
    expect(ids(reworded.claims)[0]).toBe(loose.id);

    const sources = await s.search("accession treaty", { kind: "sources" });
    expect(sources.sources?.items[0]?.claimId).toBe(exact.id);
    expect(sources.articles).toBeNull();

    const byClaimant = await s.search("crimea", { kind: "claims", claimant: "vladimir putin" });
    expect(ids(byClaimant.claims)).toEqual([exact.id]);
  });

  it("never shows another workspace's material, and readers see published material only", async () => {
    const s = await setup();
    const draft = await s.claim("Unemployment fell to 3.5 percent in March", { statement: "Unemployment fell to 3.5 percent" });
    const other = await createArticleRow({ workspaceId: s.otherWorkspace.id, createdById: s.users.outsider.id, paragraphs: ["Unemployment fell sharply."], title: "Unemployment elsewhere" });

    const editor = await s.search("unemployment");
    expect(ids(editor.claims)).toEqual([draft.id]);
    expect(ids(editor.articles)).toEqual([s.article.id]);
    expect(ids(editor.articles)).not.toContain(other.id);

    const reader = await s.search("unemployment", {}, s.actors.reader);
    expect(reader.claims?.total).toBe(0);
    expect(reader.articles?.total).toBe(0);

    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    await db.claim.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } });
    const published = await s.search("unemployment", {}, s.actors.reader);
    expect(ids(published.claims)).toEqual([draft.id]);
    expect(ids(published.articles)).toEqual([s.article.id]);

    await expect(searchWorkspace({ actor: s.actors.outsider, workspaceId: s.workspace.id, input: { q: "unemployment" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the index current after create, update, delete and restore", async () => {
    const s = await setup();
    expect((await s.search("zeppelin", { kind: "claims" })).claims?.total).toBe(0);
    const c = await s.claim("Inflation is at a 40-year high", { statement: "Inflation reached a zeppelin record" });
    expect(ids((await s.search("zeppelin", { kind: "claims" })).claims)).toEqual([c.id]);

    const updated = await updateClaim({ actor: s.actors.editor, claimId: c.id, version: c.version, patch: { statement: "Inflation reached a dirigible record" } });
    expect((await s.search("zeppelin", { kind: "claims" })).claims?.total).toBe(0);
    expect(ids((await s.search("dirigible", { kind: "claims" })).claims)).toEqual([c.id]);

    await deleteClaim({ actor: s.actors.editor, claimId: c.id });
    expect((await s.search("dirigible", { kind: "claims" })).claims?.total).toBe(0);
    await restoreClaim({ actor: s.actors.editor, claimId: c.id });
    expect(ids((await s.search("dirigible", { kind: "claims" })).claims)).toEqual([c.id]);
    expect(updated.version).toBeGreaterThan(c.version);

    await db.article.update({ where: { id: s.article.id }, data: { title: "Balloon economics" } });
    expect(ids((await s.search("balloon", { kind: "articles" })).articles)).toEqual([s.article.id]);
    await db.article.delete({ where: { id: s.article.id } });
    expect((await s.search("balloon dirigible")).articles?.total).toBe(0);
    expect((await s.search("dirigible")).claims?.total).toBe(0);
  });

  // PostgreSQL's search tables carry copies of these filter columns: they must follow every change.
  it("follows publishing, unpublishing, deleting and restoring the article, and a claim's new verdict, for claims and their sources", async () => {
    const s = await setup();
    const c = await s.claim("Unemployment fell to 3.5 percent in March", { statement: "Unemployment fell to 3.5 percent", verdict: "true" });
    await db.source.create({ data: { claimId: c.id, url: "https://stats.example/jobs", title: "Labour market unemployment bulletin", publisher: "Stats office", createdById: s.users.editor.id } });
    const reader = async () => {
      const r = await s.search("unemployment", {}, s.actors.reader);
      return { articles: ids(r.articles), claims: ids(r.claims), sources: r.sources?.items.map((i) => i.claimId) ?? [] };
    };
    const none = { articles: [], claims: [], sources: [] };
    const all = { articles: [s.article.id], claims: [c.id], sources: [c.id] };

    await db.claim.update({ where: { id: c.id }, data: { status: "PUBLISHED" } });
    expect(await reader()).toEqual(none);
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    expect(await reader()).toEqual(all);
    await db.article.update({ where: { id: s.article.id }, data: { status: "DRAFT" } });
    expect(await reader()).toEqual(none);
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED", deletedAt: new Date() } });
    expect(await reader()).toEqual(none);
    expect((await s.search("unemployment")).sources?.total).toBe(0);
    await db.article.update({ where: { id: s.article.id }, data: { deletedAt: null } });
    expect(await reader()).toEqual(all);

    await db.claim.update({ where: { id: c.id }, data: { verdictKey: "false" } });
    expect((await s.search("unemployment", { verdict: "true" })).sources?.total).toBe(0);
    const byVerdict = await s.search("unemployment", { verdict: "false" });
    expect([ids(byVerdict.claims), byVerdict.sources?.items.map((i) => i.claimId)]).toEqual([[c.id], [c.id]]);
  });

  // Only the newest 500 matches in scope are counted and ranked: whatever path a database takes
  // through its index (a filter, matches in the newest rows or spread over all), they are the newest.
  it("counts and ranks the newest matches of a large workspace, with and without a filter", async () => {
    const s = await setup();
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      id: `bulk${String(i).padStart(5, "0")}`,
      articleId: s.article.id,
      exact: "Inflation is at a 40-year high",
      start: 0,
      end: 10,
      statement: i % 2 === 0 ? `Walrus count ${i}` : i % 10 === 1 ? `Narwhal count ${i}` : `Seal count ${i}`,
      verdictKey: i % 4 === 0 ? "false" : "true",
      createdById: s.users.editor.id,
      updatedById: s.users.editor.id,
    }));
    for (let i = 0; i < rows.length; i += 500) await db.claim.createMany({ data: rows.slice(i, i + 500) });
    const walrus = await s.search("walrus", { kind: "claims", pageSize: 50 });
    expect([walrus.claims?.total, walrus.claims?.more]).toEqual([500, true]);
    // Equal ranks go by id: the first page is the oldest of the newest 500 matches (ids 500..1498).
    expect(ids(walrus.claims)[0]).toBe("bulk00500");
    const narwhal = await s.search("narwhal", { kind: "claims" });
    expect([narwhal.claims?.total, narwhal.claims?.more]).toEqual([150, false]);
    const falseWalrus = await s.search("walrus", { kind: "claims", verdict: "false", pageSize: 50 });
    expect([falseWalrus.claims?.total, falseWalrus.claims?.more]).toEqual([375, false]);
    expect(ids(falseWalrus.claims)[0]).toBe("bulk00000");
  }, 120_000);

  it("finds a misspelt claim by trigram similarity on PostgreSQL, and answers nothing without an error on SQLite", async () => {
    const s = await setup();
    const c = await s.claim("Russia annexed Crimea from Ukraine in 2014", { statement: "Russia annexed Crimea from Ukraine in 2014" });
    const r = await s.search("Rusia anexed Crimia", { kind: "claims" });
    if (databaseProvider() === "postgresql") {
      expect(ids(r.claims)).toEqual([c.id]);
      expect(r.note).toMatch(/spelled alike/);
    } else expect(r.claims?.total).toBe(0);
    const reader = await s.search("Rusia anexed Crimia", { kind: "claims" }, s.actors.reader);
    expect(reader.claims?.total).toBe(0);
  });

  it("answers hostile and oversized queries without a database error", async () => {
    const s = await setup();
    await s.claim("Russia annexed Crimea from Ukraine in 2014");
    for (const q of [`"crimea`, "crimea*", "-crimea", "crimea OR", "NEAR(crimea", "(((", "AND", "'; DROP TABLE \"Claim\"; --", "crimea:*|!&"]) {
      const r = await s.search(q);
      expect(r.query).toBe(q.replace(/\s+/g, " ").trim());
    }
    expect((await s.search(`"crimea`)).claims?.total).toBe(1);
    const empty = await s.search("");
    expect(empty.claims).toBeNull();
    const long = await s.search("crimea ".repeat(200));
    expect(long.note).toMatch(/shortened/);
    expect(long.claims?.total).toBe(1);
  });
});
