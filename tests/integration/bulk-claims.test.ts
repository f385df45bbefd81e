import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { bulkUpdateClaims } from "@/lib/server/claims/bulk-update-claims";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Bulk actions from the review queue: each claim passes the same checks as a single edit
// (access, workflow, the version seen in the queue); failures are skipped with the reason.

const TEXT = ["Crime doubled last year.", "Unemployment fell to four percent.", "Rents rose sharply."];
const CANONICAL = TEXT.join("\n\n");

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const claim = async (actor: Actor, quote: string, review: boolean) => {
    const start = CANONICAL.indexOf(quote);
    const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
    const c = await createClaim({ actor, articleId: article.id, input: { target: { selector: [q, position] } } });
    return review ? updateClaim({ actor, claimId: c.id, version: c.version, patch: { status: "IN_REVIEW" } }) : c;
  };
  return { ...ws, article, claim };
}

describe("bulk claim actions", () => {
  it("assigns several claims in one go; each assignee hears once; a stale version is skipped with what to do", async () => {
    const s = await setup();
    const a = await s.claim(s.actors.editor, "Crime doubled", true);
    const b = await s.claim(s.actors.editor, "Unemployment fell", false);
    const c = await s.claim(s.actors.editor, "Rents rose", true);
    const stale = { id: c.id, version: c.version };
    await updateClaim({ actor: s.actors.editor, claimId: c.id, version: c.version, patch: { statement: "Rents rose sharply (edited)." } });

    const out = await bulkUpdateClaims({
      actor: s.actors.admin,
      input: { action: "assign", assigneeId: s.users.editor2.id, claims: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }, stale] },
    });
    expect(out).toMatchObject({ done: 2, skipped: 1 });
    expect(out.results[2]).toMatchObject({ id: c.id, ok: false, error: { code: "CONFLICT", message: expect.stringMatching(/reload the list/) } });
    const rows = await db.claim.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, select: { id: true, assigneeId: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.assigneeId]))).toEqual({ [a.id]: s.users.editor2.id, [b.id]: s.users.editor2.id, [c.id]: null });
    const assigned = (await listNotifications({ actor: s.actors.editor2 })).notifications.filter((n) => n.type === "ASSIGNED");
    expect(assigned.map((n) => n.claimId).sort()).toEqual([a.id, b.id].sort());
    expect(await db.auditEvent.count({ where: { claimId: { in: [a.id, b.id] }, actorId: s.users.admin.id } })).toBe(2);
  });

  it("requests changes on claims in review only: they go back to draft and the author hears; others are skipped", async () => {
    const s = await setup();
    const inReview = await s.claim(s.actors.editor, "Crime doubled", true);
    const draft = await s.claim(s.actors.editor, "Unemployment fell", false);
    const out = await bulkUpdateClaims({
      actor: s.actors.editor2,
      input: { action: "request-changes", claims: [{ id: inReview.id, version: inReview.version }, { id: draft.id, version: draft.version }] },
    });
    expect(out.done).toBe(1);
    expect(out.results[0]).toMatchObject({ id: inReview.id, ok: true, status: "DRAFT" });
    expect(out.results[1]).toMatchObject({ ok: false, error: { code: "UNPROCESSABLE", message: expect.stringMatching(/Only claims in review.*draft/) } });
    expect((await listNotifications({ actor: s.actors.editor })).notifications.map((n) => n.type)).toEqual(["CHANGES_REQUESTED"]);
  });

  it("readers and outsiders change nothing; an unknown assignee is refused per claim", async () => {
    const s = await setup();
    const a = await s.claim(s.actors.editor, "Crime doubled", true);
    const claims = [{ id: a.id, version: a.version }];
    const byReader = await bulkUpdateClaims({ actor: s.actors.reader, input: { action: "request-changes", claims } });
    const byOutsider = await bulkUpdateClaims({ actor: s.actors.outsider, input: { action: "assign", assigneeId: s.users.outsider.id, claims } });
    expect(byReader.results[0]).toMatchObject({ ok: false, error: { code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) } });
    expect(byOutsider.results[0]).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const foreign = await bulkUpdateClaims({ actor: s.actors.admin, input: { action: "assign", assigneeId: s.users.outsider.id, claims } });
    expect(foreign.results[0].ok).toBe(false);
    expect(await db.claim.findUnique({ where: { id: a.id }, select: { status: true, assigneeId: true, version: true } })).toEqual({ status: "IN_REVIEW", assigneeId: null, version: a.version });
    await expect(bulkUpdateClaims({ actor: s.actors.admin, input: { action: "assign", assigneeId: null, claims: [] } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(bulkUpdateClaims({ actor: null, input: { action: "assign", assigneeId: null, claims } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
