import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { listTrash } from "@/lib/server/claims/list-trash";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { addSource } from "@/lib/server/sources/add-source";
import { purgeExpiredTrash } from "@/lib/server/trash/purge-trash";
import { deleteArticle } from "@/lib/server/articles/delete-article";
import { createSession, isSessionLive, purgeEndedSessions, revokeSession } from "@/lib/auth/sessions";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const DAY = 24 * 60 * 60 * 1000;

describe("trash purge", () => {
  it("deletes for good the claims past the retention, audited, and keeps the younger ones restorable", async () => {
    const w = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: w.workspace.id, createdById: w.users.editor.id });
    const make = (exact: string) => createClaim({ actor: w.actors.editor, articleId: article.id, input: { target: { selector: [{ type: "TextQuoteSelector", exact }] }, statement: exact } });
    const [old, young, live] = [await make("Crimea"), await make("Ukraine in 2014"), await make("running low")];
    await addSource({ actor: w.actors.editor, claimId: old.id, input: { url: "https://example.org/old", stance: "CONTEXT" } });
    await deleteClaim({ actor: w.actors.editor, claimId: old.id });
    await deleteClaim({ actor: w.actors.editor, claimId: young.id });
    const now = new Date();
    await db.claim.update({ where: { id: old.id }, data: { deletedAt: new Date(now.getTime() - 31 * DAY) } });
    await db.claim.update({ where: { id: young.id }, data: { deletedAt: new Date(now.getTime() - 29 * DAY) } });

    const result = await purgeExpiredTrash({ now, retentionDays: 30 });
    expect(result.purged).toBeGreaterThanOrEqual(1); // other test files' trash may be old too
    expect(await db.claim.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.source.count({ where: { claimId: old.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { claimId: old.id, action: "claim.purge" } });
    expect(audit).toMatchObject({ workspaceId: w.workspace.id, articleId: article.id, actorId: null });
    expect(JSON.parse(audit.before!)).toMatchObject({ statement: "Crimea" });
    const job = await db.job.findFirstOrThrow({ where: { type: "claims.purge" }, orderBy: { createdAt: "desc" } });
    expect(job).toMatchObject({ status: "SUCCEEDED", progress: result.purged });

    expect((await listTrash({ actor: w.actors.editor, articleId: article.id })).map((c) => c.id)).toEqual([young.id]);
    expect((await restoreClaim({ actor: w.actors.editor, claimId: young.id })).deletedAt).toBeNull();
    expect(await db.claim.findUnique({ where: { id: live.id } })).not.toBeNull();
    expect((await purgeExpiredTrash({ now, retentionDays: 30 })).purged).toBe(0);
  });

  it("deletes for good the articles deleted longer ago than the retention, with their claims", async () => {
    const w = await createWorkspaceWithMembers();
    const [old, young] = [
      await createArticleRow({ workspaceId: w.workspace.id, createdById: w.users.editor.id }),
      await createArticleRow({ workspaceId: w.workspace.id, createdById: w.users.editor.id }),
    ];
    const claim = await createClaim({ actor: w.actors.editor, articleId: old.id, input: { target: { selector: [{ type: "TextQuoteSelector", exact: "Crimea" }] } } });
    await deleteArticle({ actor: w.actors.editor, articleId: old.id });
    await deleteArticle({ actor: w.actors.editor, articleId: young.id });
    const now = new Date();
    await db.article.update({ where: { id: old.id }, data: { deletedAt: new Date(now.getTime() - 31 * DAY) } });
    const result = await purgeExpiredTrash({ now, retentionDays: 30 });
    expect(result.articles).toBeGreaterThanOrEqual(1);
    expect(await db.article.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.claim.findUnique({ where: { id: claim.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { articleId: old.id, action: "article.purge" } })).toBe(1);
    expect(await db.article.findUnique({ where: { id: young.id } })).not.toBeNull();
  });

  it("removes the rows of sessions that ended more than a day ago, and keeps live ones", async () => {
    const w = await createWorkspaceWithMembers();
    const [live, revoked, expired] = [await createSession(w.users.editor.id), await createSession(w.users.editor.id), await createSession(w.users.editor.id)];
    await revokeSession(revoked);
    await db.session.update({ where: { id: revoked }, data: { revokedAt: new Date(Date.now() - 2 * DAY) } });
    await db.session.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 2 * DAY) } });
    expect(await purgeEndedSessions()).toBeGreaterThanOrEqual(2);
    expect(await db.session.findMany({ where: { id: { in: [live, revoked, expired] } }, select: { id: true } })).toEqual([{ id: live }]);
    expect(await isSessionLive(live, w.users.editor.id)).toBe(true);
  });
});
