import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { countReviewQueue, countWaitingForMe, listReviewQueue } from "@/lib/server/claims/list-review-queue";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = ["Crime doubled last year.", "Unemployment fell to four percent."];
const CANONICAL = TEXT.join("\n\n");

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const a1 = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const a2 = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const claim = (actor: Actor, articleId: string, quote: string, extra: Record<string, unknown> = {}) => {
    const start = CANONICAL.indexOf(quote);
    const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
    return createClaim({ actor, articleId, input: { target: { selector: [q, position] }, ...extra } });
  };
  return { ...ws, a1, a2, claim };
}

describe("review queue", () => {
  it("filters by status, verdict, assignee, author, article and 'waiting for my review'; counts per status", async () => {
    const s = await setup();
    const mine = await s.claim(s.actors.editor, s.a1.id, "Crime doubled", { verdict: "false" });
    const theirs = await s.claim(s.actors.editor2, s.a2.id, "Unemployment fell", { assigneeId: s.users.editor.id });
    await s.claim(s.actors.admin, s.a2.id, "four percent");
    await updateClaim({ actor: s.actors.editor, claimId: mine.id, version: mine.version, patch: { status: "IN_REVIEW" } });
    await updateClaim({ actor: s.actors.editor2, claimId: theirs.id, version: theirs.version, patch: { status: "IN_REVIEW" } });

    const ids = async (actor: Actor, query: Record<string, string>) =>
      (await listReviewQueue({ actor, workspaceId: s.workspace.id, query })).items.map((c) => c.id).sort();
    expect(await ids(s.actors.editor, { status: "IN_REVIEW" })).toEqual([mine.id, theirs.id].sort());
    expect(await ids(s.actors.editor, { verdict: "false" })).toEqual([mine.id]);
    expect((await ids(s.actors.editor, { verdict: "none" })).length).toBe(2);
    expect(await ids(s.actors.editor, { assignee: "me" })).toEqual([theirs.id]);
    expect(await ids(s.actors.editor, { author: "me" })).toEqual([mine.id]);
    expect(await ids(s.actors.editor, { article: s.a1.id })).toEqual([mine.id]);
    // Independent approval (the default): your own claims are not waiting for your review.
    expect(await ids(s.actors.editor, { waiting: "mine" })).toEqual([theirs.id]);
    expect(await ids(s.actors.admin, { waiting: "mine" })).toEqual([mine.id, theirs.id].sort());
    expect(await ids(s.actors.editor, { from: "2999-01-01" })).toEqual([]);

    expect(await countReviewQueue({ actor: s.actors.editor, workspaceId: s.workspace.id })).toEqual({
      byStatus: { DRAFT: 1, IN_REVIEW: 2, APPROVED: 0, PUBLISHED: 0 },
      waitingForMe: 1,
    });
    expect(await countWaitingForMe({ actor: s.actors.editor, workspaceId: s.workspace.id })).toBe(1);
    expect(await countWaitingForMe({ actor: s.actors.admin, workspaceId: s.workspace.id })).toBe(2);
    await expect(countWaitingForMe({ actor: s.actors.reader, workspaceId: s.workspace.id })).rejects.toThrow();
    await db.workspace.update({ where: { id: s.workspace.id }, data: { requireIndependentApproval: false } });
    expect((await countReviewQueue({ actor: s.actors.editor, workspaceId: s.workspace.id })).waitingForMe).toBe(2);
    expect(await countWaitingForMe({ actor: s.actors.editor, workspaceId: s.workspace.id })).toBe(2);
  });

  it("keyset pages oldest first without repeats; readers and outsiders are refused; a bad cursor is a 400", async () => {
    const s = await setup();
    const made = [];
    for (const q of ["Crime doubled", "last year", "Unemployment fell", "four percent", "fell to"]) made.push(await s.claim(s.actors.editor, s.a1.id, q));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listReviewQueue({ actor: s.actors.editor, workspaceId: s.workspace.id, query: { limit: 2, cursor } });
      seen.push(...page.items.map((c) => c.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(made.map((c) => c.id));
    const newest = await listReviewQueue({ actor: s.actors.editor, workspaceId: s.workspace.id, query: { sort: "newest", limit: 1 } });
    expect(newest.items[0].id).toBe(made.at(-1)!.id);

    await expect(listReviewQueue({ actor: s.actors.reader, workspaceId: s.workspace.id, query: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReviewQueue({ actor: s.actors.outsider, workspaceId: s.workspace.id, query: {} })).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
    await expect(listReviewQueue({ actor: s.actors.editor, workspaceId: s.workspace.id, query: { cursor: "garbage" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
