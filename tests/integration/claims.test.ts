import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { getClaimHistory } from "@/lib/server/claims/get-claim-history";
import { listClaimants } from "@/lib/server/claims/list-claimants";
import { listClaims } from "@/lib/server/claims/list-claims";
import { listTrash } from "@/lib/server/claims/list-trash";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getScale } from "@/lib/server/scale/get-scale";
import { addSource } from "@/lib/server/sources/add-source";
import { removeSource } from "@/lib/server/sources/remove-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { createArticleRow, createWorkspaceWithMembers, paragraphsDoc, recordPublication } from "./factories";

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low. The war has been costly."];
const CANONICAL = TEXT.join("\n\n");

function target(quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = CANONICAL.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test quote not found: ${quote}`);
  const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
  return { selector: [q, position] };
}

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const newClaim = (actor: Actor = ws.actors.editor, quote = "Russia annexed Crimea from Ukraine in 2014", extra: Record<string, unknown> = {}) =>
    createClaim({ actor, articleId: article.id, input: { target: target(quote), ...extra } });
  return { ...ws, article, newClaim };
}

async function approvable(s: Awaited<ReturnType<typeof setup>>) {
  const claim = await s.newClaim(s.actors.editor, undefined, { verdict: "true", rationale: "<p>Documented <b>widely</b>.</p>" });
  const src = await addSource({ actor: s.actors.editor, claimId: claim.id, input: { url: "https://example.org/crimea", title: "Report", stance: "SUPPORTS" } });
  return { claim, version: src.claimVersion };
}

describe("createClaim", () => {
  it("anchors the selectors, defaults the statement to the quote and records claim.create", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    expect(claim).toMatchObject({
      exact: "Russia annexed Crimea from Ukraine in 2014",
      start: 0,
      end: 42,
      statement: "Russia annexed Crimea from Ukraine in 2014",
      status: "DRAFT",
      version: 1,
      verdict: null,
    });
    expect(claim.target.selector[0]).toEqual({ type: "TextQuoteSelector", exact: "Russia annexed Crimea from Ukraine in 2014", prefix: "", suffix: CANONICAL.slice(42, 74) });
    const events = await db.auditEvent.findMany({ where: { claimId: claim.id } });
    expect(events.map((e) => e.action)).toEqual(["claim.create"]);
  });

  it("finds the quote by its context when the position is stale, and picks the right repeat", async () => {
    const s = await setup();
    const t = target("The war has been", 1);
    const stale = { selector: [t.selector[0], { type: "TextPositionSelector" as const, start: 3, end: 19 }] };
    const claim = await createClaim({ actor: s.actors.editor, articleId: s.article.id, input: { target: stale } });
    expect(claim.start).toBe(CANONICAL.lastIndexOf("The war has been"));
  });

  it("refuses selectors that do not match, empty or whitespace selections, and unknown verdicts with 422", async () => {
    const s = await setup();
    const missing = { selector: [{ type: "TextQuoteSelector" as const, exact: "Putin invaded Alaska in 1999" }] };
    await expect(createClaim({ actor: s.actors.editor, articleId: s.article.id, input: { target: missing } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/The selected text was not found in the article/),
    });
    const spaces = { selector: [{ type: "TextQuoteSelector" as const, exact: "\n\n" }, { type: "TextPositionSelector" as const, start: 43, end: 45 }] };
    await expect(createClaim({ actor: s.actors.editor, articleId: s.article.id, input: { target: spaces } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/only spaces/),
    });
    await expect(s.newClaim(s.actors.editor, undefined, { verdict: "pants-on-fire" })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringMatching(/not a verdict.*true, mostly-true/),
    });
    await expect(s.newClaim(s.actors.editor, undefined, { status: "PUBLISHED" })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(s.newClaim(s.actors.editor, undefined, { statement: "x".repeat(1001) })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/too long: keep it under 1,000/) })],
    });
    expect(await db.claim.count({ where: { articleId: s.article.id } })).toBe(0);
  });

  it("refuses a selection that crosses a figure", async () => {
    const s = await setup();
    const doc = paragraphsDoc(["Before the picture.", "After the picture."]);
    doc.content.splice(1, 0, { type: "figure", attrs: { src: "https://example.org/a.jpg" } });
    const { canonicalText } = await import("@/lib/document/canonical-text");
    const text = canonicalText(doc);
    const article = await db.article.update({ where: { id: s.article.id }, data: { document: JSON.stringify(doc), canonicalText: text } });
    const sel = describeRange(text, { start: 7, end: text.length - 3 });
    await expect(
      createClaim({ actor: s.actors.editor, articleId: article.id, input: { target: { selector: [sel.quote, sel.position] } } }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringMatching(/cross a figure/) });
  });
});

describe("authorization", () => {
  it("editor and admin write; reader is FORBIDDEN on published articles and NOT_FOUND on drafts; outsiders and anonymous are refused", async () => {
    const s = await setup();
    await expect(s.newClaim(s.actors.admin)).resolves.toMatchObject({ status: "DRAFT" });
    await expect(s.newClaim(s.actors.reader)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(s.newClaim(s.actors.outsider)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createClaim({ actor: null, articleId: s.article.id, input: { target: target("Russia") } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const claim = await s.newClaim();
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    await expect(s.newClaim(s.actors.reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Readers do not see unpublished claims even on a published article.
    await expect(getClaim({ actor: s.actors.reader, claimId: claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listClaims({ actor: s.actors.reader, articleId: s.article.id })).toEqual([]);
    await db.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED" } });
    await recordPublication(s.article.id, s.users.editor.id);
    const seen = await listClaims({ actor: s.actors.reader, articleId: s.article.id });
    expect(seen.map((c) => c.id)).toEqual([claim.id]);
    expect(seen[0]).not.toHaveProperty("assignee");
    expect(seen[0]).not.toHaveProperty("commentCount");
    await expect(updateClaim({ actor: s.actors.reader, claimId: claim.id, version: claim.version, patch: { statement: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteClaim({ actor: s.actors.reader, claimId: claim.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addSource({ actor: s.actors.reader, claimId: claim.id, input: { url: "https://example.org" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getClaimHistory({ actor: s.actors.reader, claimId: claim.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateClaim({ actor: s.actors.outsider, claimId: claim.id, version: claim.version, patch: { statement: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaim({ actor: s.actors.outsider, claimId: claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listClaims({ actor: s.actors.outsider, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getClaim({ actor: null, claimId: claim.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).statement).toBe("Russia annexed Crimea from Ukraine in 2014");
  });
});

describe("workflow", () => {
  it("DRAFT → IN_REVIEW → APPROVED, with the missing parts listed and approver recorded", async () => {
    const s = await setup();
    const bare = await s.newClaim();
    const inReview = await updateClaim({ actor: s.actors.editor, claimId: bare.id, version: 1, patch: { status: "IN_REVIEW" } });
    expect(inReview).toMatchObject({ status: "IN_REVIEW", version: 2 });
    await expect(updateClaim({ actor: s.actors.editor2, claimId: bare.id, version: 2, patch: { status: "APPROVED" } })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: "This claim can't be approved yet: it needs a verdict, a rationale and at least one source.",
    });
    const withVerdict = await updateClaim({ actor: s.actors.editor, claimId: bare.id, version: 2, patch: { verdict: "false", rationale: "<p>  </p>" } });
    expect(withVerdict.rationale).toBe("");
    await expect(updateClaim({ actor: s.actors.editor2, claimId: bare.id, version: 3, patch: { status: "APPROVED" } })).rejects.toMatchObject({
      message: "This claim can't be approved yet: it needs a rationale and at least one source.",
    });

    const { claim, version } = await approvable(s);
    await expect(updateClaim({ actor: s.actors.editor2, claimId: claim.id, version, patch: { status: "APPROVED" } })).rejects.toMatchObject({
      message: expect.stringMatching(/Submit it for review first/),
    });
    await updateClaim({ actor: s.actors.editor, claimId: claim.id, version, patch: { status: "IN_REVIEW" } });
    const approved = await updateClaim({ actor: s.actors.editor2, claimId: claim.id, version: version + 1, patch: { status: "APPROVED" } });
    expect(approved).toMatchObject({ status: "APPROVED", approvedBy: { id: s.users.editor2.id } });
    expect(approved.approvedAt).not.toBeNull();

    // Edits outside what was approved (the assignee) keep the approval (approval-integrity.test.ts covers the rest).
    const edited = await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: approved.version, patch: { assigneeId: s.users.editor2.id } });
    expect(edited.status).toBe("APPROVED");
    await expect(updateClaim({ actor: s.actors.editor, claimId: claim.id, version: edited.version, patch: { status: "PUBLISHED" } })).rejects.toMatchObject({
      message: expect.stringMatching(/published with their article/),
    });

    const back = await updateClaim({ actor: s.actors.editor2, claimId: claim.id, version: edited.version, patch: { status: "IN_REVIEW" } });
    expect(back).toMatchObject({ status: "IN_REVIEW", approvedBy: null, approvedAt: null });
  });

  it("independent approval: required by default; the author may approve once an admin turns it off", async () => {
    const s = await setup();
    const { claim, version } = await approvable(s);
    await updateClaim({ actor: s.actors.editor, claimId: claim.id, version, patch: { status: "IN_REVIEW" } });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: s.workspace.id } })).requireIndependentApproval).toBe(true);
    await expect(updateClaim({ actor: s.actors.editor, claimId: claim.id, version: version + 1, patch: { status: "APPROVED" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/someone other than the claim's author/),
    });
    await expect(updateClaim({ actor: s.actors.admin, claimId: claim.id, version: version + 1, patch: { status: "APPROVED" } })).resolves.toMatchObject({ status: "APPROVED" });

    const s2 = await setup();
    await db.workspace.update({ where: { id: s2.workspace.id }, data: { requireIndependentApproval: false } });
    const c2 = await approvable(s2);
    await updateClaim({ actor: s2.actors.editor, claimId: c2.claim.id, version: c2.version, patch: { status: "IN_REVIEW" } });
    await expect(updateClaim({ actor: s2.actors.editor, claimId: c2.claim.id, version: c2.version + 1, patch: { status: "APPROVED" } })).resolves.toMatchObject({
      approvedBy: { id: s2.users.editor.id },
    });
  });
});

describe("optimistic concurrency and history", () => {
  it("a stale version is a CONFLICT carrying the current claim; nothing is overwritten", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: 1, patch: { claimant: "Alice" } });
    const err = await updateClaim({ actor: s.actors.editor2, claimId: claim.id, version: 1, patch: { claimant: "Bob" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "CONFLICT", details: { current: { claimant: "Alice", version: 2 } } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).claimant).toBe("Alice");
  });

  it("two concurrent updates with the same version: exactly one wins", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    const results = await Promise.allSettled([
      updateClaim({ actor: s.actors.editor, claimId: claim.id, version: 1, patch: { statement: "First wording" } }),
      updateClaim({ actor: s.actors.editor2, claimId: claim.id, version: 1, patch: { statement: "Second wording" } }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toMatchObject({ code: "CONFLICT" });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.version).toBe(2);
    expect(await db.auditEvent.count({ where: { claimId: claim.id, action: "claim.update" } })).toBe(1);
  });

  it("history lists who changed which fields, before and after, including sources", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: 1, patch: { verdict: "true", claimant: "Kremlin" } });
    // A patch that changes nothing writes nothing.
    const same = await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: 2, patch: { claimant: "Kremlin" } });
    expect(same.version).toBe(2);
    const src = await addSource({ actor: s.actors.editor2, claimId: claim.id, input: { url: "https://example.org/a", stance: "REFUTES" } });
    expect(src.claimVersion).toBe(3);
    expect(src.version).toBe(1);
    const upd = await updateSource({ actor: s.actors.editor2, sourceId: src.id, input: { title: "Archive", publishedOn: "2014-03-18", version: 1 } });
    expect(upd).toMatchObject({ claimVersion: 4, version: 2 });
    // A stale source version is a 409 carrying the current source; nothing is written.
    await expect(updateSource({ actor: s.actors.editor, sourceId: src.id, input: { title: "Stale edit", version: 1 } })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { id: src.id, title: "Archive", version: 2 } },
    });
    expect((await db.source.findUniqueOrThrow({ where: { id: src.id } })).title).toBe("Archive");
    // Parallel edits from the same version: one wins, the others are refused, none overwrites.
    const parallel = await Promise.allSettled(
      ["A", "B", "C", "D"].map((t) => updateSource({ actor: s.actors.editor, sourceId: src.id, input: { title: `Parallel ${t}`, version: 2 } })),
    );
    const won = parallel.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(won).toHaveLength(1);
    expect(parallel.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    expect(await db.source.findUniqueOrThrow({ where: { id: src.id } })).toMatchObject({ title: won[0]!.title, version: 3 });
    await removeSource({ actor: s.actors.editor, sourceId: src.id });
    const history = await getClaimHistory({ actor: s.actors.admin, claimId: claim.id });
    expect(history.map((h) => h.action)).toEqual(["claim.create", "claim.update", "source.add", "source.update", "source.update", "source.remove"]);
    expect(history[1]).toMatchObject({
      actor: { id: s.users.editor.id, name: "Eddie Editor" },
      fields: ["claimant", "verdict"],
      before: { claimant: null, verdict: null },
      after: { claimant: "Kremlin", verdict: "true" },
    });
    expect(history[3]).toMatchObject({ fields: ["title", "publishedOn"], before: { title: null }, after: { title: "Archive", publishedOn: "2014-03-18" } });
    expect((await getClaim({ actor: s.actors.editor, claimId: claim.id })).version).toBe(6);
  });
});

describe("sources", () => {
  it("accepts http(s) only, checks dates and stance", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://x.org", "not a url", "  JaVaScRiPt:alert(1)"]) {
      await expect(addSource({ actor: s.actors.editor, claimId: claim.id, input: { url } }), url).rejects.toMatchObject({
        issues: [expect.objectContaining({ message: "The source URL must be a web address starting with http:// or https://." })],
      });
    }
    await expect(addSource({ actor: s.actors.editor, claimId: claim.id, input: { url: "https://ok.org", archiveUrl: "javascript:alert(1)" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/archive URL must be a web address/) })],
    });
    await expect(addSource({ actor: s.actors.editor, claimId: claim.id, input: { url: "https://ok.org", publishedOn: "2014-02-30" } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/does not exist/) })],
    });
    await expect(updateSource({ actor: s.actors.editor, sourceId: "nope", input: { title: "x", version: 1 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ok = await addSource({ actor: s.actors.editor, claimId: claim.id, input: { url: "https://ok.org/x", archiveUrl: "", stance: "CONTEXT" } });
    expect(ok).toMatchObject({ url: "https://ok.org/x", archiveUrl: null, stance: "CONTEXT" });
  });
});

describe("trash", () => {
  it("delete moves to the trash (audited), restore brings it back", async () => {
    const s = await setup();
    const claim = await s.newClaim();
    await deleteClaim({ actor: s.actors.editor, claimId: claim.id });
    expect(await listClaims({ actor: s.actors.editor, articleId: s.article.id })).toEqual([]);
    await expect(getClaim({ actor: s.actors.editor, claimId: claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listTrash({ actor: s.actors.editor, articleId: s.article.id })).map((c) => c.id)).toEqual([claim.id]);
    // The trash is NOT_FOUND to those who cannot see the article (a reader of a draft, a member of another workspace).
    await expect(listTrash({ actor: s.actors.reader, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTrash({ actor: s.actors.outsider, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTrash({ actor: s.actors.outsider, articleId: "no-such-article" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreClaim({ actor: s.actors.reader, claimId: claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const restored = await restoreClaim({ actor: s.actors.editor2, claimId: claim.id });
    expect(restored.deletedAt).toBeNull();
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id })).map((c) => c.id)).toEqual([claim.id]);
    const actions = (await db.auditEvent.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["claim.create", "claim.delete", "claim.restore"]);
  });
});

describe("listing, claimants and scale", () => {
  it("lists in document order with filters; overlapping claims both listed", async () => {
    const s = await setup();
    const later = await s.newClaim(s.actors.editor, "The war has been costly", { verdict: "false", assigneeId: s.users.editor2.id });
    const whole = await s.newClaim(s.actors.editor, "Russia annexed Crimea from Ukraine in 2014", { claimant: "Analyst" });
    const inner = await s.newClaim(s.actors.editor, "Crimea", { claimant: "Kremlin" });
    const all = await listClaims({ actor: s.actors.editor, articleId: s.article.id });
    expect(all.map((c) => c.id)).toEqual([whole.id, inner.id, later.id]);
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id, filters: { verdict: "false" } })).map((c) => c.id)).toEqual([later.id]);
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id, filters: { verdict: "none" } })).map((c) => c.id)).toEqual([whole.id, inner.id]);
    expect((await listClaims({ actor: s.actors.editor2, articleId: s.article.id, filters: { assignee: "me" } })).map((c) => c.id)).toEqual([later.id]);
    await updateClaim({ actor: s.actors.editor, claimId: inner.id, version: 1, patch: { status: "IN_REVIEW" } });
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id, filters: { status: "IN_REVIEW" } })).map((c) => c.id)).toEqual([inner.id]);
    expect(await listClaimants({ actor: s.actors.editor, workspaceId: s.workspace.id })).toEqual(["Analyst", "Kremlin"]);
    await expect(listClaimants({ actor: s.actors.outsider, workspaceId: s.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists 1,100 claims with their open-thread counts (no query-parameter limit on SQLite)", async () => {
    const s = await setup();
    const rows = Array.from({ length: 1100 }, (_, i) => ({
      articleId: s.article.id,
      exact: "Crimea",
      start: 15,
      end: 21,
      statement: `Claim ${i}`,
      createdById: s.users.editor.id,
      updatedById: s.users.editor.id,
    }));
    for (let i = 0; i < rows.length; i += 50) await db.claim.createMany({ data: rows.slice(i, i + 50) });
    const some = await db.claim.findFirstOrThrow({ where: { articleId: s.article.id, statement: "Claim 7" } });
    await db.comment.create({ data: { claimId: some.id, authorId: s.users.editor.id, body: "<p>?</p>" } });
    const all = await listClaims({ actor: s.actors.editor, articleId: s.article.id });
    expect(all).toHaveLength(1100);
    expect(all.find((c) => c.id === some.id)).toMatchObject({ openThreadCount: 1, commentCount: 1 });
    expect(all.filter((c) => c.openThreadCount).length).toBe(1);
  });

  it("getScale lists the workspace's verdict keys with colours and ratings", async () => {
    const s = await setup();
    const scale = await getScale({ actor: s.actors.reader, workspaceId: s.workspace.id });
    expect(scale).toMatchObject({ bestRating: 5, worstRating: 1 });
    expect(scale.verdicts[0]).toEqual({ key: "true", label: "True", description: expect.any(String), color: "#bbf7d0", order: 0, ratingValue: 5 });
    expect(scale.verdicts.map((v) => v.key)).toContain("unproven");
    await expect(getScale({ actor: s.actors.outsider, workspaceId: s.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
