import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { DEMO_CLAIMS, seedDemoFactcheck } from "@/scripts/seed-demo-factcheck";
import { loadSampleArticle } from "@/scripts/seed-sample-article";
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

    // Running the demo again keeps what is there.
    expect(await seedDemoFactcheck({ articleId: first.id, author: actors.editor, reviewer: actors.admin })).toEqual({ created: 0, url: null });
    expect(await db.claim.count({ where: { articleId: first.id } })).toBe(DEMO_CLAIMS.length);
  });
});
