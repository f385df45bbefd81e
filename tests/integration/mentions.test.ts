import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { listMentions } from "@/lib/server/comments/list-mentions";
import { markMentionsRead } from "@/lib/server/comments/mark-mentions-read";
import { removeMember } from "@/lib/server/members/remove-member";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, title: "Crimea timeline" });
  const sel = describeRange(article.canonicalText, { start: 0, end: 6 });
  const claim = await createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [sel.quote, sel.position] } } });
  return { ...ws, article, claim };
}

describe("mentions inbox", () => {
  it("lists only the caller's own mentions, newest first, with article title, excerpt and author", async () => {
    const s = await setup();
    const first = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Erin Editor can you <b>check</b> the year?" } });
    const second = await addComment({ actor: s.actors.admin, claimId: s.claim.id, input: { body: `@Erin Editor and @Eddie Editor: ${"long ".repeat(60)}end` } });

    const erin = await listMentions({ actor: s.actors.editor2 });
    expect(erin.unread).toBe(2);
    expect(erin.mentions.map((m) => m.commentId)).toEqual([second.id, first.id]);
    expect(erin.mentions[1]).toMatchObject({
      read: false,
      claimId: s.claim.id,
      articleId: s.article.id,
      articleTitle: "Crimea timeline",
      author: { id: s.users.editor.id, name: "Eddie Editor" },
      excerpt: "@Erin Editor can you check the year?",
    });
    expect(erin.mentions[0].excerpt.length).toBeLessThanOrEqual(160);
    expect(erin.mentions[0].excerpt.endsWith("…")).toBe(true);

    // Eddie was mentioned once (by the admin), never in his own comment.
    const eddie = await listMentions({ actor: s.actors.editor });
    expect(eddie.mentions.map((m) => m.commentId)).toEqual([second.id]);
    // The admin and the outsider were not mentioned at all.
    expect(await listMentions({ actor: s.actors.admin })).toEqual({ unread: 0, mentions: [] });
    expect(await listMentions({ actor: s.actors.outsider })).toEqual({ unread: 0, mentions: [] });
    await expect(listMentions({ actor: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("hides mentions in a workspace the user no longer belongs to, and on deleted comments", async () => {
    const s = await setup();
    const c = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Erin Editor please look" } });
    // A stray row for the outsider (e.g. left over from an earlier membership) must never show.
    await db.mention.create({ data: { commentId: c.id, userId: s.users.outsider.id } });
    expect(await listMentions({ actor: s.actors.outsider })).toEqual({ unread: 0, mentions: [] });
    expect((await markMentionsRead({ actor: s.actors.outsider })).marked).toBe(0);

    expect((await listMentions({ actor: s.actors.editor2 })).unread).toBe(1);
    await removeMember({ actor: s.actors.admin, workspaceId: s.workspace.id, userId: s.users.editor2.id });
    expect(await listMentions({ actor: s.actors.editor2 })).toEqual({ unread: 0, mentions: [] });

    const other = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Ada Admin ok?" } });
    expect((await listMentions({ actor: s.actors.admin })).unread).toBe(1);
    await db.comment.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
    expect((await listMentions({ actor: s.actors.admin })).unread).toBe(0);
  });

  it("marks selected mentions read, then all; another user's ids are ignored", async () => {
    const s = await setup();
    const a = await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Erin Editor one" } });
    await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Erin Editor two" } });
    await addComment({ actor: s.actors.editor, claimId: s.claim.id, input: { body: "@Erin Editor three, @Ada Admin" } });
    const before = await listMentions({ actor: s.actors.editor2 });
    const mentionA = before.mentions.find((m) => m.commentId === a.id)!;
    const adminMention = (await listMentions({ actor: s.actors.admin })).mentions[0];

    // Erin cannot mark the admin's mention read.
    expect(await markMentionsRead({ actor: s.actors.editor2, input: { ids: [mentionA.id, adminMention.id] } })).toEqual({ marked: 1, unread: 2 });
    expect((await listMentions({ actor: s.actors.admin })).unread).toBe(1);
    const after = await listMentions({ actor: s.actors.editor2 });
    expect(after.mentions.find((m) => m.id === mentionA.id)?.read).toBe(true);
    expect((await listMentions({ actor: s.actors.editor2, unreadOnly: true })).mentions.map((m) => m.read)).toEqual([false, false]);

    // Marking again is a no-op and writes no audit row.
    expect(await markMentionsRead({ actor: s.actors.editor2, input: { ids: [mentionA.id] } })).toEqual({ marked: 0, unread: 2 });
    expect(await markMentionsRead({ actor: s.actors.editor2 })).toEqual({ marked: 2, unread: 0 });
    expect((await listMentions({ actor: s.actors.editor2 })).mentions.every((m) => m.read)).toBe(true);
    expect((await listMentions({ actor: s.actors.admin })).unread).toBe(1);
    const audits = await db.auditEvent.findMany({ where: { actorId: s.users.editor2.id, action: "mentions.read" } });
    expect(audits).toHaveLength(2);

    await expect(markMentionsRead({ actor: s.actors.editor2, input: { ids: [] } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/leave `ids` out/) })],
    });
    await expect(markMentionsRead({ actor: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
