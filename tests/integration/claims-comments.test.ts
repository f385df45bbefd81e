import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { listMentions } from "@/lib/server/comments/list-mentions";
import { resolveComment } from "@/lib/server/comments/resolve-comment";
import { listClaims } from "@/lib/server/claims/list-claims";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id });
  const sel = describeRange(article.canonicalText, { start: 0, end: 6 });
  const claim = await createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [sel.quote, sel.position] } } });
  return { ...ws, article, claim };
}

describe("comments", () => {
  it("threads replies under the first comment, resolves and reopens, counts open threads", async () => {
    const s = await setup();
    const first = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "Is 2014 right?\nCheck the treaty." } });
    expect(first.body).toBe("<p>Is 2014 right?<br />Check the treaty.</p>");
    const reply = await addComment({ actor: s.actors.editor2, claimId: s.claim.id, input: { body: "Yes.", parentId: first.id } });
    const replyToReply = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "Thanks", parentId: reply.id } });
    expect(reply.parentId).toBe(first.id);
    expect(replyToReply.parentId).toBe(first.id);
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id }))[0]).toMatchObject({ commentCount: 3, openThreadCount: 1 });

    const resolved = await resolveComment({ actor: s.actors.editor2, commentId: reply.id, resolved: true });
    expect(resolved).toMatchObject({ id: first.id, resolved: true, resolvedBy: { id: s.users.editor2.id } });
    expect((await listClaims({ actor: s.actors.editor, articleId: s.article.id }))[0]).toMatchObject({ openThreadCount: 0 });
    const reopened = await resolveComment({ actor: s.actors.editor, commentId: first.id, resolved: false });
    expect(reopened).toMatchObject({ resolved: false, resolvedBy: null });
    expect((await listComments({ actor: s.actors.admin, claimId: s.claim.id })).map((c) => c.id)).toEqual([first.id, reply.id, replyToReply.id]);

    await expect(addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "   " } })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "Write a comment first." })] });
    await expect(addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "x".repeat(5001) } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/too long/) })],
    });
    await expect(addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "<img src=x onerror=alert(1)>" } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("records @mentions by token and by name, skipping non-members and the author", async () => {
    const s = await setup();
    const c = await addComment({
      actor: s.actors.editor,
      claimId: s.claim.id,
      input: { body: `@[Erin Editor](${s.users.editor2.id}) and @rita reader please look; @Otto Outsider too; @Eddie Editor (me)` },
    });
    expect(c.mentions.map((m) => m.id).sort()).toEqual([s.users.editor2.id, s.users.reader.id].sort());
    expect(c.body).toContain("@Erin Editor and @rita reader");
    expect(c.body).not.toContain("](");
    const mine = await listMentions({ actor: s.actors.editor2 });
    expect(mine.unread).toBe(1);
    expect(mine.mentions[0]).toMatchObject({ claimId: s.claim.id, author: { id: s.users.editor.id } });
    expect((await listMentions({ actor: s.actors.outsider })).unread).toBe(0);
    // The reader was mentioned, but cannot see the draft claim: the mention stays hidden.
    expect((await listMentions({ actor: s.actors.reader })).mentions).toEqual([]);
    expect(await db.mention.count({ where: { commentId: c.id } })).toBe(2);
  });

  it("readers and outsiders can neither read nor write comments", async () => {
    const s = await setup();
    await db.article.update({ where: { id: s.article.id }, data: { status: "PUBLISHED" } });
    await db.claim.update({ where: { id: s.claim.id }, data: { status: "PUBLISHED" } });
    const c = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "internal note" } });
    await expect(listComments({ actor: s.actors.reader, claimId: s.claim.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addComment({ actor: s.actors.reader, claimId: s.claim.id, input: { body: "hi" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveComment({ actor: s.actors.reader, commentId: c.id, resolved: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listComments({ actor: s.actors.outsider, claimId: s.claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resolveComment({ actor: s.actors.outsider, commentId: c.id, resolved: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment({ actor: null, claimId: s.claim.id, input: { body: "hi" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
