import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Publishing a large article: set-based writes, no `IN (…)` over every claim (SQLite's parameter
// limit) and no per-claim round trips inside the transaction. Timing lives in bench/, not here.

const COUNT = 5_000;

async function articleWithApprovedClaims(count: number) {
  const ws = await createWorkspaceWithMembers();
  const sentences = Array.from({ length: count }, (_, i) => `Statement number ${i} is checked.`);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 50) paragraphs.push(sentences.slice(i, i + 50).join(" "));
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs });
  const text = article.canonicalText;
  const prefix = `c${Date.now().toString(36)}`;
  const claims = sentences.map((sentence, i) => {
    const start = text.indexOf(sentence);
    return {
      id: `${prefix}x${i}`,
      articleId: article.id,
      exact: sentence,
      start,
      end: start + sentence.length,
      statement: `Claim ${i}`,
      verdictKey: "true",
      rationale: "<p>Checked.</p>",
      status: "APPROVED",
      approvedById: ws.users.editor2.id,
      approvedAt: new Date(),
      createdById: ws.users.editor.id,
      updatedById: ws.users.editor.id,
    };
  });
  for (let i = 0; i < claims.length; i += 500) await db.claim.createMany({ data: claims.slice(i, i + 500) });
  const sources = claims.map((c) => ({ claimId: c.id, url: `https://records.example/${c.id}`, title: "Records", stance: "SUPPORTS", createdById: ws.users.editor.id }));
  for (let i = 0; i < sources.length; i += 500) await db.source.createMany({ data: sources.slice(i, i + 500) });
  return { ...ws, article, claims };
}

describe("publishing a large article", () => {
  it(`publishes ${COUNT} approved claims with their audit rows, and readers get all of them`, async () => {
    const { actors, article, claims } = await articleWithApprovedClaims(COUNT);
    const result = await publishArticle({ actor: actors.editor, articleId: article.id });
    expect(result).toMatchObject({ number: 1, published: true });
    expect(result.message).toContain(`${COUNT} claims`);

    expect(await db.claim.count({ where: { articleId: article.id, status: "PUBLISHED", publishedAt: { not: null } } })).toBe(COUNT);
    expect(await db.auditEvent.count({ where: { articleId: article.id, action: "claim.publish" } })).toBe(COUNT);
    const one = await db.auditEvent.findFirstOrThrow({ where: { claimId: claims[1234].id, action: "claim.publish" } });
    expect(JSON.parse(one.after ?? "{}")).toMatchObject({ status: "PUBLISHED" });

    const { bundle } = await getPublishedArticle({ actor: null, slug: article.slug });
    expect(bundle.claims).toHaveLength(COUNT);
    expect(bundle.claims[4999]).toMatchObject({ id: claims[4999].id, reviewer: { name: "Erin Editor" } });
    expect(bundle.claims[4999].sources.map((s) => s.url)).toEqual([`https://records.example/${claims[4999].id}`]);
  }, 120_000);
});
