import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET as getPublicArticle } from "@/app/api/v1/public/articles/[slug]/route";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addSource } from "@/lib/server/sources/add-source";
import { createClaim } from "@/lib/server/claims/create-claim";
import { getClaimHistory } from "@/lib/server/claims/get-claim-history";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { diffRevisions, getRevision, listRevisions } from "@/lib/server/revisions/list-revisions";
import { reattachClaim } from "@/lib/server/revisions/reattach-claim";
import { exportW3c } from "@/lib/exporting/w3c";
import { getPublishedPage } from "@/lib/server/publishing/cached-page";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { parseRevisionParam } from "@/lib/server/publishing/published-revision";
import { previewRevision, reviseArticle } from "@/lib/server/revisions/revise-article";
import { createArticleRow, createWorkspaceWithMembers, paragraphsDoc } from "./factories";

// The public API is called signed out (no session outside a request).
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => null }));

const TEXT = [
  "Angela Stant, a Russia scholar at Georgetown, said the summit changed little.",
  "Putin has said the war will continue. Dara Masicott of RAND disagreed!!",
  "Officials met for three hours in Geneva.",
];
const CANONICAL = TEXT.join("\n\n");

async function setup(status: "DRAFT" | "PUBLISHED" = "DRAFT") {
  const ws = await createWorkspaceWithMembers();
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { requireIndependentApproval: false } });
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT, status });
  const claimOn = async (quote: string) => {
    const start = CANONICAL.indexOf(quote);
    const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
    return createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [q, position] } } });
  };
  const approve = async (claimId: string) => {
    await updateClaim({ actor: ws.actors.editor, claimId, version: 1, patch: { verdict: "true", rationale: "<p>Checked.</p>" } });
    const src = await addSource({ actor: ws.actors.editor, claimId, input: { url: "https://example.org/a", title: "Source", stance: "SUPPORTS" } });
    await updateClaim({ actor: ws.actors.editor, claimId, version: src.claimVersion, patch: { status: "IN_REVIEW" } });
    return updateClaim({ actor: ws.actors.editor, claimId, version: src.claimVersion + 1, patch: { status: "APPROVED" } });
  };
  return { ...ws, article, claimOn, approve };
}

const fixed = (s: string) => s.replace("Angela Stant", "Angela Stent").replace("Masicott", "Massicot").replace("!!", ".");

async function expectError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
}

describe("reviseArticle", () => {
  it("makes revision 2 and re-anchors every claim: moved claims keep their status, a changed approved one goes back to review with an audit row", async () => {
    const s = await setup();
    const name = await s.claimOn("Angela Stant, a Russia scholar at Georgetown");
    const war = await s.claimOn("Putin has said the war will continue");
    const geneva = await s.claimOn("Officials met for three hours in Geneva");
    await s.approve(name.id);
    await s.approve(geneva.id);
    const gone = await s.claimOn("Dara Masicott of RAND disagreed");
    const genevaHash = (await db.claim.findUniqueOrThrow({ where: { id: geneva.id } })).approvedHash;

    const newText = [fixed(TEXT[0]), "Putin has said the war will continue.", "Officials met for three hours in Geneva."];
    const result = await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: newText.join("\n\n"), reason: "Corrected a name", baseRevision: 1 } });

    expect(result.revision).toMatchObject({ number: 2, kind: "NEW_VERSION", reason: "Corrected a name", current: true });
    expect(result.summary).toEqual({ intact: 1, moved: 1, changed: 1, orphaned: 1 });
    const byId = new Map(result.claims.map((c) => [c.id, c]));
    expect(byId.get(name.id)).toMatchObject({ state: "CHANGED", exact: "Angela Stent, a Russia scholar at Georgetown", previousExact: "Angela Stant, a Russia scholar at Georgetown", status: "IN_REVIEW", backToReview: true });
    expect(byId.get(war.id)).toMatchObject({ state: "INTACT", backToReview: false });
    expect(byId.get(geneva.id)).toMatchObject({ state: "MOVED", status: "APPROVED", backToReview: false });
    expect(byId.get(gone.id)).toMatchObject({ state: "ORPHANED", status: "DRAFT" });

    const article = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    expect(article.revisionNumber).toBe(2);
    expect(article.canonicalText).toBe(newText.join("\n\n"));
    const nameRow = await db.claim.findUniqueOrThrow({ where: { id: name.id } });
    expect(nameRow).toMatchObject({ status: "IN_REVIEW", approvedById: null, anchorState: "CHANGED", anchoredRevision: 2, previousExact: "Angela Stant, a Russia scholar at Georgetown" });
    expect(nameRow.reviewReason).toMatch(/changed in revision 2/);
    expect(article.canonicalText.slice(nameRow.start, nameRow.end)).toBe(nameRow.exact);
    const gen = await db.claim.findUniqueOrThrow({ where: { id: geneva.id } });
    expect(article.canonicalText.slice(gen.start, gen.end)).toBe("Officials met for three hours in Geneva");
    expect(gen.status).toBe("APPROVED");
    // The approval now covers the span where the same words are (desk's approval integrity).
    expect(gen.approvedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(gen.approvedHash).not.toBe(genevaHash);
    expect(nameRow.approvedHash).toBeNull();

    const history = await getClaimHistory({ actor: s.actors.editor, claimId: name.id });
    expect(JSON.stringify(history)).toContain("claim.reanchor-review");
    expect(await db.auditEvent.count({ where: { articleId: s.article.id, action: "article.revise" } })).toBe(1);

    const list = await listRevisions({ actor: s.actors.editor, articleId: s.article.id });
    expect(list.revisions.map((r) => [r.number, r.current])).toEqual([[2, true], [1, false]]);
    expect((await getRevision({ actor: s.actors.editor, articleId: s.article.id, number: 1 })).canonicalText).toBe(CANONICAL);
    const diff = await diffRevisions({ actor: s.actors.editor, articleId: s.article.id, number: 2, against: 1 });
    expect(diff.diff).toContainEqual({ op: "delete", text: "Stant" });
    expect(diff.diff).toContainEqual({ op: "insert", text: "Stent" });
  });

  it("an in-place edit (document) with the editor's proposed spans; accept and re-anchor clear the attention state", async () => {
    const s = await setup();
    const name = await s.claimOn("Angela Stant");
    const doc = paragraphsDoc(TEXT.map(fixed));
    const newText = TEXT.map(fixed).join("\n\n");
    const res = await reviseArticle({
      actor: s.actors.editor,
      articleId: s.article.id,
      input: { document: doc as never, reason: "Typo", baseRevision: 1, proposed: [{ claimId: name.id, start: 0, end: 12 }] },
    });
    expect(res.revision.kind).toBe("EDIT");
    expect(res.claims[0]).toMatchObject({ state: "CHANGED", exact: "Angela Stent" });
    const row = await db.claim.findUniqueOrThrow({ where: { id: name.id } });
    const accepted = await reattachClaim({ actor: s.actors.editor, claimId: name.id, version: row.version });
    expect(accepted.anchor).toMatchObject({ state: "INTACT", previousExact: null, revision: 2 });
    const at = newText.indexOf("Angela Stent, a Russia scholar");
    const moved = await reattachClaim({ actor: s.actors.editor, claimId: name.id, version: accepted.version, span: { start: at, end: at + 30 } });
    expect(moved.exact).toBe("Angela Stent, a Russia scholar");
    await expectError(reattachClaim({ actor: s.actors.editor, claimId: name.id, version: accepted.version, span: { start: 0, end: 5 } }), "CONFLICT");
  });

  it("a span selected on an older text revision is a 409, never placed on the words now at those offsets", async () => {
    const s = await setup();
    const name = await s.claimOn("Angela Stant");
    await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), baseRevision: 1 } });
    const row = await db.claim.findUniqueOrThrow({ where: { id: name.id } });
    // Someone inserts an update at the top while the editor is picking words on revision 2.
    await reviseArticle({ actor: s.actors.editor2, articleId: s.article.id, input: { text: `Update: talks resumed.\n\n${fixed(CANONICAL)}`, baseRevision: 2 } });
    const stale = await db.claim.findUniqueOrThrow({ where: { id: name.id } });
    expect(stale.version).toBe(row.version); // the revision left the claim's fields (and version) alone
    await expectError(reattachClaim({ actor: s.actors.editor, claimId: name.id, version: stale.version, revision: 2, span: { start: 0, end: 12 } }), "CONFLICT", /revision 3/);
    await expectError(reattachClaim({ actor: s.actors.editor, claimId: name.id, version: stale.version, revision: 2 }), "CONFLICT", /revised meanwhile/);
    expect(await db.claim.findUniqueOrThrow({ where: { id: name.id } })).toMatchObject({ start: stale.start, end: stale.end, anchorState: "CHANGED" });
    const done = await reattachClaim({ actor: s.actors.editor, claimId: name.id, version: stale.version, revision: 3 });
    expect(done.anchor).toMatchObject({ state: "INTACT", revision: 3 });
  });

  it("a stale base revision is a 409 and changes nothing; racing revisions give exactly one winner", async () => {
    const s = await setup();
    await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), baseRevision: 1 } });
    await expectError(reviseArticle({ actor: s.actors.editor2, articleId: s.article.id, input: { text: `${CANONICAL}\n\nMore.`, baseRevision: 1 } }), "CONFLICT", /revision 2/);

    const outcomes = await Promise.allSettled(
      ["One.", "Two."].map((t) => reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: `${fixed(CANONICAL)}\n\n${t}`, baseRevision: 2 } })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe("CONFLICT");
    expect(await db.articleRevision.count({ where: { articleId: s.article.id } })).toBe(3);
  });

  it("a claim edit racing a revision loses neither change", async () => {
    const s = await setup();
    const claim = await s.claimOn("Putin has said the war will continue");
    const [edit] = await Promise.all([
      updateClaim({ actor: s.actors.editor2, claimId: claim.id, version: claim.version, patch: { statement: "Putin says the war goes on." } }),
      reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: `Update: talks resumed.\n\n${CANONICAL}`, baseRevision: 1 } }),
    ]);
    expect(edit.statement).toBe("Putin says the war goes on.");
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const article = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    expect(row.statement).toBe("Putin says the war goes on.");
    expect(row.anchorState).toBe("MOVED");
    expect(article.canonicalText.slice(row.start, row.end)).toBe("Putin has said the war will continue");
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const s = await setup("PUBLISHED");
    const base = { baseRevision: 1 };
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: "   ", reason: "x", ...base } }), "UNPROCESSABLE", /empty/);
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: CANONICAL, reason: "x", ...base } }), "UNPROCESSABLE", /identical/);
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), ...base } }), "VALIDATION_ERROR", /reason/);
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { refresh: true, reason: "x", ...base } }), "UNPROCESSABLE", /no source URL/);
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { url: "http://127.0.0.1/news", reason: "x", ...base } }), "VALIDATION_ERROR", /Only public web addresses/);
    await expectError(reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: "word ".repeat(2_200_000), reason: "x", ...base } }), "PAYLOAD_TOO_LARGE", /import limit/);
    await expectError(reviseArticle({ actor: s.actors.reader, articleId: s.article.id, input: { text: fixed(CANONICAL), reason: "x", ...base } }), "FORBIDDEN");
    await expectError(reviseArticle({ actor: s.actors.outsider, articleId: s.article.id, input: { text: fixed(CANONICAL), reason: "x", ...base } }), "NOT_FOUND");
    await expectError(listRevisions({ actor: s.actors.outsider, articleId: s.article.id }), "NOT_FOUND");
    expect((await db.article.findUniqueOrThrow({ where: { id: s.article.id } })).revisionNumber).toBe(1);
    expect(await db.articleRevision.count({ where: { articleId: s.article.id } })).toBe(1);
  });

  it("previews the word diff and the claims' fate without saving", async () => {
    const s = await setup();
    await s.claimOn("Angela Stant");
    const preview = await previewRevision({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), baseRevision: 1 } });
    expect(preview.summary.changed).toBe(1);
    expect(preview.diff).toContainEqual({ op: "insert", text: "Stent" });
    expect((await db.article.findUniqueOrThrow({ where: { id: s.article.id } })).revisionNumber).toBe(1);
  });

  it("a published article's publication names its revision and the corrections log carries the reason", async () => {
    const s = await setup();
    const claim = await s.claimOn("Officials met for three hours in Geneva");
    await s.approve(claim.id);
    const first = await publishArticle({ actor: s.actors.editor, articleId: s.article.id, visibility: "PUBLIC" });
    expect(first.number).toBe(1);
    await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), reason: "Corrected the spelling of two experts' names", baseRevision: 1 } });
    const second = await publishArticle({ actor: s.actors.editor, articleId: s.article.id, reason: "Text corrected" });
    expect(second.changes).toContain("Article text updated: Corrected the spelling of two experts' names");
    const pubs = await db.publication.findMany({ where: { articleId: s.article.id }, orderBy: { number: "asc" } });
    expect(pubs.map((p) => p.revisionNumber)).toEqual([1, 2]);
  });

  it("readers open the earlier published version from the corrections log; exports name the revision", async () => {
    const s = await setup();
    const claim = await s.claimOn("Angela Stant, a Russia scholar at Georgetown");
    await s.approve(claim.id);
    await publishArticle({ actor: s.actors.editor, articleId: s.article.id, visibility: "PUBLIC" });
    const { slug } = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { text: fixed(CANONICAL), reason: "Corrected a name", baseRevision: 1 } });
    // The quote changed: the claim is back in review; approved again, it is published with the new words.
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.status).toBe("IN_REVIEW");
    await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: row.version, patch: { status: "APPROVED" } });
    await publishArticle({ actor: s.actors.editor, articleId: s.article.id, reason: "Text corrected" });

    const current = await getPublishedPage({ actor: null, slug, variant: "reader" });
    expect(current.page.html).toContain("Article text updated: Corrected a name");
    expect(current.page.html).toContain(`/r/${slug}?revision=1"`);
    expect(current.page.html).toContain("Angela Stent");

    const earlier = await getPublishedPage({ actor: null, slug, variant: "reader", revision: 1 });
    expect(earlier.head.earlierRevision).toBe(1);
    expect(earlier.page.html).toContain("You are reading an earlier version.");
    expect(earlier.page.html).toContain("Angela Stant");
    expect(earlier.page.html).not.toContain("Angela Stent");
    expect(earlier.page.html).not.toContain("Corrected a name");
    // Served from the page cache the second time, still the earlier version.
    expect((await getPublishedPage({ actor: null, slug, variant: "reader", revision: 1 })).page.etag).toBe(earlier.page.etag);
    // The current revision is the current page; a revision never published is not found.
    expect((await getPublishedPage({ actor: null, slug, variant: "reader", revision: 2 })).page.etag).toBe(current.page.etag);
    await expectError(getPublishedPage({ actor: null, slug, variant: "reader", revision: 3 }), "NOT_FOUND", /never published/);
    expect(() => parseRevisionParam("1x")).toThrow(/never published/);

    // The public read API answers ?revision=<n> as the reader page does.
    const api = async (query: string) => {
      const res = await getPublicArticle(new NextRequest(`http://factmark.test/api/v1/public/articles/${slug}${query}`), { params: Promise.resolve({ slug }) });
      type Body = {
        earlierRevision?: number;
        publicationNumber: number;
        url: string;
        article: { canonicalText: string; revision?: { number: number } };
        claims: Array<{ exact: string }>;
        corrections: Array<Record<string, unknown>>;
        error: { message: string };
      };
      return { status: res.status, body: (await res.json()) as Body };
    };
    const now = await api("");
    expect(now.status).toBe(200);
    expect(now.body.earlierRevision).toBeUndefined();
    expect(now.body.article.canonicalText).toContain("Angela Stent");
    expect(now.body.article.revision).toMatchObject({ number: 2 });
    expect(now.body.corrections[0]).toMatchObject({ reason: "Text corrected", previousRevision: 1 });
    const then = await api("?revision=1");
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ earlierRevision: 1, publicationNumber: 1, url: expect.stringMatching(new RegExp(`/r/${slug}\\?revision=1$`)) });
    expect(then.body.article.canonicalText).toContain("Angela Stant");
    expect(then.body.article.revision).toMatchObject({ number: 1 });
    expect(then.body.claims.map((c) => c.exact)).toEqual(["Angela Stant, a Russia scholar at Georgetown"]);
    expect(then.body.corrections).toEqual([]);
    expect((await api("?revision=2")).body.publicationNumber).toBe(2);
    for (const bad of ["?revision=3", "?revision=0", "?revision=x"]) {
      const res = await api(bad);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/never published/);
    }

    const w3c = JSON.parse(exportW3c((await getPublishedArticle({ actor: null, slug })).bundle)) as { first: { items: Array<{ target: { source: Record<string, unknown> } }> } };
    const article = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    expect(w3c.first.items[0].target.source).toMatchObject({ revision: 2, contentHash: `sha256:${article.contentHash}` });
  });
});
