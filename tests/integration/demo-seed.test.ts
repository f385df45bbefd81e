import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { DEMO_CLAIMS, seedDemoFactcheck } from "@/scripts/seed-demo-factcheck";
import { correctSampleArticle, loadSampleArticle, SAMPLE_CORRECTION_REASON } from "@/scripts/seed-sample-article";
import { createWorkspaceWithMembers } from "./factories";

describe("demo seed", () => {
  it("imports the sample once and publishes its fact-check without the claim still in review", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const first = await loadSampleArticle({ actor: actors.editor, workspaceId: workspace.id });
    expect(first.created).toBe(true);
    expect(await loadSampleArticle({ actor: actors.editor, workspaceId: workspace.id })).toEqual({ id: first.id, created: false });

    const result = await seedDemoFactcheck({ articleId: first.id, author: actors.editor, reviewer: actors.admin });
    expect(result.created).toBe(DEMO_CLAIMS.length);
    const article = await db.article.findUniqueOrThrow({ where: { id: first.id } });
    expect(result.url).toMatch(new RegExp(`/r/${article.slug}$`));

    const published = await getPublishedArticle({ actor: null, slug: article.slug });
    const reviewed = DEMO_CLAIMS.filter((c) => !c.inReview);
    expect(published.bundle.claims.map((c) => c.exact).sort()).toEqual(reviewed.map((c) => c.quote).sort());
    const crimea = published.bundle.claims.find((c) => c.exact === "Russia annexed Crimea from Ukraine in 2014");
    expect(crimea?.verdict?.label).toBe("True");
    expect(crimea?.reviewer?.id).toBe(actors.admin.userId);
    expect(crimea?.sources[0]?.url).toBe("https://digitallibrary.un.org/record/767565");

    // Revision 2 corrects the experts' names; all six claims survive it and readers see it in the log.
    expect(await correctSampleArticle({ actor: actors.editor, articleId: first.id })).toEqual({ revised: true });
    const revised = await db.article.findUniqueOrThrow({ where: { id: first.id } });
    expect(revised.revisionNumber).toBe(2);
    expect(revised.canonicalText).toContain("Angela Stent, a Brookings");
    expect(revised.canonicalText).toContain("Dara Massicot, a Russian military expert");
    expect(revised.canonicalText).not.toContain("Eurasia. ”");
    const claims = await db.claim.findMany({ where: { articleId: first.id } });
    expect(claims).toHaveLength(DEMO_CLAIMS.length);
    for (const c of claims) {
      expect(["INTACT", "MOVED"]).toContain(c.anchorState);
      expect(revised.canonicalText.slice(c.start, c.end)).toBe(c.exact);
    }
    const republished = await getPublishedArticle({ actor: null, slug: article.slug });
    expect(JSON.stringify(republished)).toContain(`Article text updated: ${SAMPLE_CORRECTION_REASON}`);
    expect(await correctSampleArticle({ actor: actors.editor, articleId: first.id })).toEqual({ revised: false });
    expect(await loadSampleArticle({ actor: actors.editor, workspaceId: workspace.id })).toEqual({ id: first.id, created: false });

    // Running the demo again keeps what is there.
    expect(await seedDemoFactcheck({ articleId: first.id, author: actors.editor, reviewer: actors.admin })).toEqual({ created: 0, url: null });
    expect(await db.claim.count({ where: { articleId: first.id } })).toBe(DEMO_CLAIMS.length);
  });
});
