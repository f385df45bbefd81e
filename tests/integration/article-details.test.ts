import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getArticleDetails, updateArticleDetails } from "@/lib/server/articles/update-article-details";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Article details after import: editable by editors, audited, version-checked.

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: ["The mayor said crime doubled."] });
  return { ...ws, article };
}

describe("article details", () => {
  it("changes title, byline (authors re-derived), date, source URL, language and visibility, with one audit row", async () => {
    const s = await setup();
    const { version } = await getArticleDetails({ actor: s.actors.editor, articleId: s.article.id });
    const out = await updateArticleDetails({
      actor: s.actors.editor,
      articleId: s.article.id,
      input: {
        version,
        title: "  Crime   story ",
        byline: "By Jane Doe and John Roe",
        publishedOn: "2021-12-30",
        sourceUrl: "https://news.example/crime",
        language: "en-GB",
        visibility: "MEMBERS",
      },
    });
    expect(out).toMatchObject({ version: version + 1, title: "Crime story", byline: "By Jane Doe and John Roe", publishedOn: "2021-12-30", sourceUrl: "https://news.example/crime", language: "en-GB", visibility: "MEMBERS" });
    const row = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    expect(JSON.parse(row.authors)).toEqual(["Jane Doe", "John Roe"]);
    expect(row.publishedAt?.toISOString()).toBe("2021-12-30T00:00:00.000Z");
    expect(row.updatedById).toBe(s.users.editor.id);
    const audit = await db.auditEvent.findMany({ where: { articleId: s.article.id, action: "article.update" } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].fields).sort()).toEqual(["byline", "language", "publishedOn", "sourceUrl", "title", "visibility"]);

    // Clearing optional fields; an unchanged save changes nothing (no version bump, no audit).
    const cleared = await updateArticleDetails({ actor: s.actors.admin, articleId: s.article.id, input: { version: out.version, byline: "", publishedOn: "", sourceUrl: "" } });
    expect(cleared).toMatchObject({ byline: null, publishedOn: null, sourceUrl: null, version: out.version + 1 });
    const same = await updateArticleDetails({ actor: s.actors.admin, articleId: s.article.id, input: { version: cleared.version, title: "Crime story" } });
    expect(same.version).toBe(cleared.version);
    expect(await db.auditEvent.count({ where: { articleId: s.article.id, action: "article.update" } })).toBe(2);
  });

  it("a stale version is a CONFLICT carrying the current details, and changes nothing", async () => {
    const s = await setup();
    const { version } = await getArticleDetails({ actor: s.actors.editor, articleId: s.article.id });
    await updateArticleDetails({ actor: s.actors.editor2, articleId: s.article.id, input: { version, title: "Theirs" } });
    const err = await updateArticleDetails({ actor: s.actors.editor, articleId: s.article.id, input: { version, title: "Mine" } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", details: { current: { title: "Theirs", version: version + 1 } } });
    expect(String((err as Error).message)).toMatch(/save again/);
    expect((await db.article.findUniqueOrThrow({ where: { id: s.article.id } })).title).toBe("Theirs");
  });

  it("refuses bad input with a message, and readers and outsiders", async () => {
    const s = await setup();
    const { version } = await getArticleDetails({ actor: s.actors.editor, articleId: s.article.id });
    const bad = (input: Record<string, unknown>) => updateArticleDetails({ actor: s.actors.editor, articleId: s.article.id, input: { version, ...input } as never });
    await expect(bad({ title: "   " })).rejects.toThrow(/title can't be empty/);
    await expect(bad({ sourceUrl: "javascript:alert(1)" })).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(bad({ publishedOn: "2021-02-30" })).rejects.toThrow(/day like/);
    await expect(bad({ language: "english!" })).rejects.toThrow(/language code/);
    await expect(bad({ visibility: "SECRET" })).rejects.toThrow(/PUBLIC|MEMBERS/);
    await expect(updateArticleDetails({ actor: s.actors.editor, articleId: s.article.id, input: { title: "x" } as never })).rejects.toThrow(/version is required/);
    await expect(updateArticleDetails({ actor: s.actors.reader, articleId: s.article.id, input: { version, title: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateArticleDetails({ actor: s.actors.outsider, articleId: s.article.id, input: { version, title: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getArticleDetails({ actor: s.actors.outsider, articleId: s.article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
