import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { addSource } from "@/lib/server/sources/add-source";
import { removeSource } from "@/lib/server/sources/remove-source";
import { updateSource } from "@/lib/server/sources/update-source";
import { approvalHash, approvedContentOf } from "@/lib/server/claims/approval";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Approval integrity: an approval covers exactly what was approved (issue 12, part 1).

const TEXT = ["Crime in the city doubled last year, the mayor said.", "Unemployment fell to four percent."];
const CANONICAL = TEXT.join("\n\n");

async function approvedClaim() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const quote = "Crime in the city doubled last year";
  const { quote: q, position } = describeRange(CANONICAL, { start: 0, end: quote.length });
  const claim = await createClaim({
    actor: ws.actors.editor,
    articleId: article.id,
    input: { target: { selector: [q, position] }, claimant: "Mayor", verdict: "false", rationale: "<p>Police data show a 3% rise.</p>" },
  });
  const src = await addSource({ actor: ws.actors.editor, claimId: claim.id, input: { url: "https://police.example/stats", title: "Police statistics", stance: "REFUTES" } });
  const submitted = await updateClaim({ actor: ws.actors.editor, claimId: claim.id, version: src.claimVersion, patch: { status: "IN_REVIEW" } });
  const approved = await updateClaim({ actor: ws.actors.admin, claimId: claim.id, version: submitted.version, patch: { status: "APPROVED" } });
  return { ...ws, article, approved, sourceId: src.id };
}

type Setup = Awaited<ReturnType<typeof approvedClaim>>;

const edits: [string, string, (s: Setup) => Promise<unknown>][] = [
  ["statement", "Statement", (s) => updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { statement: "Crime tripled" } })],
  ["claimant", "Claimant", (s) => updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { claimant: "Deputy mayor" } })],
  ["verdict", "Verdict", (s) => updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { verdict: "true" } })],
  ["rationale", "Rationale", (s) => updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { rationale: "<p>Other data.</p>" } })],
  ["source added", "Sources", (s) => addSource({ actor: s.actors.editor, claimId: s.approved.id, input: { url: "https://news.example/a" } })],
  ["source edited", "Sources", (s) => updateSource({ actor: s.actors.editor, sourceId: s.sourceId, input: { title: "Police stats (corrected)", version: 1 } })],
  ["source removed", "Sources", (s) => removeSource({ actor: s.actors.editor, sourceId: s.sourceId })],
];

describe("approval integrity", () => {
  it("approving records the approver and a hash of exactly what was approved", async () => {
    const s = await approvedClaim();
    const row = await db.claim.findUniqueOrThrow({ where: { id: s.approved.id }, include: { sources: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({ status: "APPROVED", approvedById: s.users.admin.id, reviewReason: null });
    expect(row.approvedHash).toBe(approvalHash(approvedContentOf(row)));
  });

  it.each(edits)("a changed %s sends an approved claim back to review, audited, in one write", async (_name, word, edit) => {
    const s = await approvedClaim();
    await edit(s);
    const row = await db.claim.findUniqueOrThrow({ where: { id: s.approved.id } });
    expect(row).toMatchObject({
      status: "IN_REVIEW",
      reviewReason: `${word} changed after approval — needs review again`,
      approvedById: null,
      approvedAt: null,
      approvedHash: null,
      version: s.approved.version + 1,
    });
    const audit = await db.auditEvent.findFirst({ where: { claimId: s.approved.id, action: "claim.reopen" } });
    expect(audit).not.toBeNull();
    expect(JSON.parse(audit!.after as string)).toMatchObject({ status: "IN_REVIEW", reviewReason: row.reviewReason });
  });

  it("an unchanged save, the assignee or the access date do not demote", async () => {
    const s = await approvedClaim();
    const same = await updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { verdict: "false", claimant: "Mayor" } });
    expect(same).toMatchObject({ status: "APPROVED", version: s.approved.version });
    const assigned = await updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: same.version, patch: { assigneeId: s.users.editor2.id } });
    expect(assigned.status).toBe("APPROVED");
    await updateSource({ actor: s.actors.editor, sourceId: s.sourceId, input: { accessedOn: "2026-01-05", version: 1 } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: s.approved.id } })).status).toBe("APPROVED");
  });

  it("re-approval clears the reason; the panel reads it from the API", async () => {
    const s = await approvedClaim();
    const reopened = await updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { verdict: "true" } });
    expect(reopened).toMatchObject({ status: "IN_REVIEW", reviewReason: "Verdict changed after approval — needs review again", approvedBy: null });
    const again = await updateClaim({ actor: s.actors.editor2, claimId: s.approved.id, version: reopened.version, patch: { status: "APPROVED" } });
    expect(again).toMatchObject({ status: "APPROVED", reviewReason: null, approvedBy: { id: s.users.editor2.id } });
  });

  it("the author cannot approve their own claim by default; a refused approval changes nothing", async () => {
    const s = await approvedClaim();
    const reopened = await updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: s.approved.version, patch: { verdict: "true" } });
    await expect(updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: reopened.version, patch: { status: "APPROVED" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/someone other than the claim's author.*workspace settings/),
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: s.approved.id } })).status).toBe("IN_REVIEW");
  });

  it("a published claim edited after approval keeps its published version for readers until republished", async () => {
    const s = await approvedClaim();
    await publishArticle({ actor: s.actors.admin, articleId: s.article.id, visibility: "PUBLIC" });
    const published = await db.claim.findUniqueOrThrow({ where: { id: s.approved.id } });
    expect(published.status).toBe("PUBLISHED");
    const before = await getPublishedArticle({ actor: null, slug: s.article.slug });
    expect(before.bundle.organization.requireIndependentApproval).toBe(true);

    const reopened = await updateClaim({ actor: s.actors.editor, claimId: s.approved.id, version: published.version, patch: { verdict: "true", rationale: "<p>Changed.</p>" } });
    expect(reopened).toMatchObject({ status: "IN_REVIEW", reviewReason: "Verdict and rationale changed after approval — needs review again" });
    const after = await getPublishedArticle({ actor: null, slug: s.article.slug });
    expect(after.publicationNumber).toBe(before.publicationNumber);
    expect(after.bundle.claims.find((c) => c.id === s.approved.id)?.verdict?.key).toBe("false");
  });
});
