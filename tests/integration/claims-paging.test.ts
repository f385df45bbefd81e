import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listClaimsPage } from "@/lib/server/claims/list-claims";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

describe("GET /api/v1/articles/:id/claims paging", () => {
  it("walks every claim once in document order with limit/after, summary leaves out heavy fields, bad cursors are 400s", async () => {
    const ws = await createWorkspaceWithMembers();
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: [words.join(" ")] });
    const text = article.canonicalText;
    // Two claims on the same span share (start, end): the id breaks the tie.
    const spans = [...words.map((w) => w), "word3"];
    await db.claim.createMany({
      data: spans.map((w, i) => {
        const start = text.indexOf(`${w} `) >= 0 ? text.indexOf(`${w} `) : text.indexOf(w);
        return {
          articleId: article.id,
          exact: w,
          start,
          end: start + w.length,
          statement: `S${i}`,
          rationale: "<p>heavy rationale</p>",
          createdById: ws.users.editor.id,
          updatedById: ws.users.editor.id,
          createdAt: new Date(1_700_000_000_000),
        };
      }),
    });
    const all = (await listClaimsPage({ actor: ws.actors.editor, articleId: article.id })).claims;
    expect(all).toHaveLength(31);
    expect((await listClaimsPage({ actor: ws.actors.editor, articleId: article.id })).nextCursor).toBeNull();

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listClaimsPage({ actor: ws.actors.editor, articleId: article.id, query: { limit: 7, after, fields: "summary" } });
      expect(page.claims.length).toBeLessThanOrEqual(7);
      for (const c of page.claims) {
        expect(c).not.toHaveProperty("rationale");
        expect(c).not.toHaveProperty("sources");
        expect(c).toHaveProperty("statement");
      }
      seen.push(...page.claims.map((c) => c.id));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.map((c) => c.id));

    await expect(listClaimsPage({ actor: ws.actors.editor, articleId: article.id, query: { after: "garbage" } })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
    });
  });
});
