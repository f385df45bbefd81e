import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readableArticleWhere, requireMembership } from "@/lib/server/access";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

describe("access rules", () => {
  it("readers see published articles only; outsiders see nothing", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    const draft = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id });
    const published = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id, status: "PUBLISHED" });
    const visible = async (actor: typeof actors.admin) =>
      (await db.article.findMany({ where: { workspaceId: workspace.id, ...readableArticleWhere(actor) } })).map((a) => a.id).sort();
    expect(await visible(actors.editor)).toEqual([draft.id, published.id].sort());
    expect(await visible(actors.admin)).toEqual([draft.id, published.id].sort());
    expect(await visible(actors.reader)).toEqual([published.id]);
    expect(await visible(actors.outsider)).toEqual([]);
  });

  it("a non-member gets NOT_FOUND and a reader FORBIDDEN for editor-only work", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    await expect(requireMembership(db, actors.outsider, workspace.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireMembership(db, actors.reader, workspace.id, ["ADMIN", "EDITOR"])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireMembership(db, actors.editor, workspace.id, ["ADMIN", "EDITOR"])).resolves.toMatchObject({ role: "EDITOR" });
  });
});
