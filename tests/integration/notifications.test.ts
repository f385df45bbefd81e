import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { listNotifications, markNotificationsRead } from "@/lib/server/notifications/list-notifications";
import { addSource } from "@/lib/server/sources/add-source";
import { addComment } from "@/lib/server/comments/add-comment";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = ["Crime doubled last year, the mayor said."];

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const { quote, position } = describeRange(TEXT[0], { start: 0, end: 13 });
  const claim = await createClaim({
    actor: ws.actors.editor,
    articleId: article.id,
    input: { target: { selector: [quote, position] }, verdict: "false", rationale: "<p>Police data.</p>" },
  });
  const src = await addSource({ actor: ws.actors.editor, claimId: claim.id, input: { url: "https://police.example/a" } });
  return { ...ws, article, claim, version: src.claimVersion };
}

const types = async (actor: Parameters<typeof listNotifications>[0]["actor"]) => (await listNotifications({ actor })).notifications.map((n) => n.type);

describe("notifications", () => {
  it("submit → approvers (not the author); approve → author; verdict change after approval → approvers again; assignment → assignee", async () => {
    const s = await setup();
    const submitted = await updateClaim({ actor: s.actors.editor, claimId: s.claim.id, version: s.version, patch: { status: "IN_REVIEW" } });
    expect(await types(s.actors.admin)).toEqual(["REVIEW_REQUESTED"]);
    expect(await types(s.actors.editor2)).toEqual(["REVIEW_REQUESTED"]);
    expect(await types(s.actors.editor)).toEqual([]);
    expect(await types(s.actors.reader)).toEqual([]);

    const approved = await updateClaim({ actor: s.actors.admin, claimId: s.claim.id, version: submitted.version, patch: { status: "APPROVED" } });
    const mine = await listNotifications({ actor: s.actors.editor });
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({ type: "APPROVED", actor: { id: s.users.admin.id }, href: `/articles/${s.article.id}?claim=${s.claim.id}` });

    await updateClaim({ actor: s.actors.editor, claimId: s.claim.id, version: approved.version, patch: { verdict: "true", assigneeId: s.users.editor2.id } });
    const admin = await listNotifications({ actor: s.actors.admin });
    expect(admin.notifications[0]).toMatchObject({ type: "REVIEW_REQUESTED", message: expect.stringMatching(/^Verdict changed after approval — needs review again/) });
    expect(await types(s.actors.editor2)).toEqual(["ASSIGNED", "REVIEW_REQUESTED", "REVIEW_REQUESTED"]);
  });

  it("mark one read, then all; someone else's ids are skipped", async () => {
    const s = await setup();
    await updateClaim({ actor: s.actors.editor, claimId: s.claim.id, version: s.version, patch: { status: "IN_REVIEW", assigneeId: s.users.admin.id } });
    const list = await listNotifications({ actor: s.actors.admin });
    expect(list.unread).toBe(2);
    const other = await listNotifications({ actor: s.actors.editor2 });
    expect(await markNotificationsRead({ actor: s.actors.admin, input: { ids: [list.notifications[0].id, other.notifications[0].id] } })).toEqual({ marked: 1, unread: 1 });
    expect(await markNotificationsRead({ actor: s.actors.admin })).toEqual({ marked: 1, unread: 0 });
    expect((await listNotifications({ actor: s.actors.editor2 })).unread).toBe(1);
    expect(await db.notification.count({ where: { claimId: s.claim.id } })).toBe(3);
  });

  it("publishing tells each author once (the claim itself when it is one), not the publisher", async () => {
    const s = await setup();
    const submitted = await updateClaim({ actor: s.actors.editor, claimId: s.claim.id, version: s.version, patch: { status: "IN_REVIEW" } });
    await updateClaim({ actor: s.actors.admin, claimId: s.claim.id, version: submitted.version, patch: { status: "APPROVED" } });
    await publishArticle({ actor: s.actors.admin, articleId: s.article.id, visibility: "PUBLIC" });
    const mine = await listNotifications({ actor: s.actors.editor });
    expect(mine.notifications[0]).toMatchObject({ type: "PUBLISHED", href: `/articles/${s.article.id}?claim=${s.claim.id}`, actor: { id: s.users.admin.id } });
    expect(mine.notifications[0].message).toMatch(/^Published: “Crime doubled last year, the mayor said” in “/);
    expect(await types(s.actors.admin)).not.toContain("PUBLISHED");
  });

  it("a reply tells everyone who wrote in the thread, except the replier and those it @mentions", async () => {
    const s = await setup();
    const first = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "Which year is this?" } });
    await addComment({ actor: s.actors.editor2, claimId: s.claim.id, input: { body: "Last year, per the quote.", parentId: first.id } });
    expect(await types(s.actors.editor)).toEqual(["REPLY"]);
    expect(await types(s.actors.editor2)).toEqual([]);
    await addComment({ actor: s.actors.admin, claimId: s.claim.id, input: { body: "@Eddie Editor agreed.", parentId: first.id } });
    expect(await types(s.actors.editor)).toEqual(["REPLY"]);
    expect(await types(s.actors.editor2)).toEqual(["REPLY"]);
    // A new thread is not a reply: nobody hears about it through REPLY.
    await addComment({ actor: s.actors.editor2, claimId: s.claim.id, input: { body: "Another question." } });
    expect(await types(s.actors.editor)).toEqual(["REPLY"]);
    const reply = (await listNotifications({ actor: s.actors.editor2 })).notifications[0];
    expect(reply).toMatchObject({ href: `/articles/${s.article.id}?claim=${s.claim.id}`, actor: { id: s.users.admin.id } });
  });
});
