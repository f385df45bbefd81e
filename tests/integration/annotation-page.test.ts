import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { decodeClaimIndex, statementReader, summaryOf } from "@/lib/claims/claim-index";
import { createClaim } from "@/lib/server/claims/create-claim";
import { getAnnotationPage } from "@/lib/server/claims/get-annotation-page";
import { listClaimants } from "@/lib/server/claims/list-claimants";
import { listClaims } from "@/lib/server/claims/list-claims";
import { getScale } from "@/lib/server/scale/get-scale";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { addSource } from "@/lib/server/sources/add-source";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// The article page's data: every claim summarised (the same spans, verdicts and counts the full
// listing gives), no rationale or sources; claimant suggestions come from one grouped query.

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low. The war has been costly."];
const CANONICAL = TEXT.join("\n\n");
const target = (quote: string) => {
  const start = CANONICAL.indexOf(quote);
  const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
  return { selector: [q, position] };
};

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const claim = (quote: string, extra: Record<string, unknown> = {}) =>
    createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: target(quote), ...extra } });
  return { ...ws, article, claim };
}

describe("getAnnotationPage", () => {
  it("summarises every claim as the full listing has it, without details", async () => {
    const s = await setup();
    const whole = await s.claim("Russia annexed Crimea from Ukraine in 2014", { claimant: "Analyst", verdict: "false", rationale: "<p>Secret rationale</p>" });
    await s.claim("Crimea", { statement: "Crimea was annexed", assigneeId: s.users.editor2.id });
    await s.claim("The war has been costly");
    await addSource({ actor: s.actors.editor, claimId: whole.id, input: { url: "https://example.org/a" } });

    const page = await getAnnotationPage({ actor: s.actors.editor, articleId: s.article.id });
    const summaries = decodeClaimIndex(page.claimIndex);
    const full = await listClaims({ actor: s.actors.editor, articleId: s.article.id });
    // Default statements are left out and made again from the text, as the page does.
    expect(summaries.map((c) => c.statement)).toEqual([null, "Crimea was annexed", null]);
    const read = statementReader(CANONICAL);
    expect(summaries.map((c) => ({ ...c, statement: read(c) }))).toEqual(full.map(summaryOf));
    expect(summaries[0]).toMatchObject({ sourceCount: 1, verdict: "false", claimant: "Analyst" });
    expect(JSON.stringify(page)).not.toContain("Secret rationale");
    expect(page.attention).toEqual([]);
  });

  it("gives the role with the article (details for editors, none for readers) and refuses a deactivated member", async () => {
    const s = await setup();
    const page = await getAnnotationPage({ actor: s.actors.editor, articleId: s.article.id });
    expect(page).toMatchObject({ role: "EDITOR", canEdit: true, details: { id: s.article.id, title: s.article.title, version: s.article.version } });
    expect(page.article.body.html).toContain("Russia annexed Crimea from Ukraine in 2014.");
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    expect(await getAnnotationPage({ actor: s.actors.reader, articleId: s.article.id })).toMatchObject({ role: "READER", canEdit: false, details: null });
    await db.membership.updateMany({ where: { userId: s.users.reader.id, workspaceId: s.workspace.id }, data: { active: false } });
    await expect(getAnnotationPage({ actor: s.actors.reader, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets each role read what readableArticleWhere allows: editors and admins every article, readers published ones, nobody else", async () => {
    const s = await setup();
    const draft = await s.claim("Crimea", { verdict: "false" });
    const read = (who: keyof typeof s.actors) => getAnnotationPage({ actor: s.actors[who], articleId: s.article.id });
    const refused = { code: "NOT_FOUND" };
    // A draft article: editors and admins see it with its claims, the people and the scale.
    for (const who of ["editor", "admin"] as const) {
      const page = await read(who);
      expect(page).toMatchObject({ role: who.toUpperCase(), canEdit: true, workspaceId: s.workspace.id, requireIndependentApproval: true, locale: "en-GB" });
      expect(decodeClaimIndex(page.claimIndex).map((c) => c.id)).toEqual([draft.id]);
      expect(page.members.map((m) => m.name)).toEqual(["Ada Admin", "Eddie Editor", "Erin Editor", "Rita Reader"]);
      expect(page.scale).toEqual(await getScale({ actor: s.actors[who], workspaceId: s.workspace.id }));
      expect(page.scale.verdicts.map((v) => v.key)).toContain("false");
      expect(page.liveAfter).toBeGreaterThan(0);
    }
    await expect(read("reader")).rejects.toMatchObject(refused);
    await expect(read("outsider")).rejects.toMatchObject(refused);
    // Published: readers see it too (no unpublished claims, no people); a stranger still does not.
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    const reader = await read("reader");
    expect(reader).toMatchObject({ role: "READER", canEdit: false, details: null, members: [], attention: [] });
    expect(decodeClaimIndex(reader.claimIndex)).toEqual([]);
    await expect(read("outsider")).rejects.toMatchObject(refused);
    // A deactivated account is nobody, in every workspace; a deleted article is gone for all.
    await db.user.update({ where: { id: s.users.editor.id }, data: { active: false } });
    await expect(read("editor")).rejects.toMatchObject(refused);
    expect((await read("admin")).members.map((m) => m.name)).toEqual(["Ada Admin", "Erin Editor", "Rita Reader"]);
    await db.membership.updateMany({ where: { userId: s.users.admin.id, workspaceId: s.workspace.id }, data: { active: false } });
    await expect(read("admin")).rejects.toMatchObject(refused);
    await db.article.update({ where: { id: s.article.id }, data: { deletedAt: new Date() } });
    await expect(read("editor2")).rejects.toMatchObject(refused);
  });

  it("lists claims whose text changed in a revision in full, for editors only", async () => {
    const s = await setup();
    const moved = await s.claim("The war has been costly", { claimant: "Analyst" });
    await s.claim("Crimea");
    await db.claim.update({ where: { id: moved.id }, data: { anchorState: "CHANGED" } });
    const page = await getAnnotationPage({ actor: s.actors.editor, articleId: s.article.id });
    expect(page.attention.map((c) => [c.id, c.claimant])).toEqual([[moved.id, "Analyst"]]);
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    expect((await getAnnotationPage({ actor: s.actors.reader, articleId: s.article.id })).attention).toEqual([]);
  });

  it("gives readers the published claims only", async () => {
    const s = await setup();
    await s.claim("Crimea");
    await expect(getAnnotationPage({ actor: s.actors.reader, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listClaimants", () => {
  it("lists each claimant once, most used first, filtered by q, for editors of the workspace", async () => {
    const s = await setup();
    const a = await s.claim("Russia annexed Crimea from Ukraine in 2014", { claimant: "Kremlin" });
    await s.claim("Crimea", { claimant: "Kremlin" });
    await s.claim("The war has been costly", { claimant: "Analyst" });
    await updateClaim({ actor: s.actors.editor, claimId: a.id, version: a.version, patch: { claimant: "Kremlin" } });
    expect(await listClaimants({ actor: s.actors.editor, workspaceId: s.workspace.id })).toEqual(["Kremlin", "Analyst"]);
    expect(await listClaimants({ actor: s.actors.editor, workspaceId: s.workspace.id, q: "nal" })).toEqual(["Analyst"]);
    await expect(listClaimants({ actor: s.actors.reader, workspaceId: s.workspace.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
