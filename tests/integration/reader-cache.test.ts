import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as readerRoute from "@/app/r/[slug]/route";
import { db } from "@/lib/db";
import { getClaim } from "@/lib/server/claims/get-claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getPublishedPage, renderPublishedPageFresh } from "@/lib/server/publishing/cached-page";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "Inflation hit 9 percent last year."];

async function publishedArticle() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const exact = "Russia annexed Crimea";
  const start = article.canonicalText.indexOf(exact);
  const claim = await db.claim.create({
    data: {
      articleId: article.id,
      exact,
      start,
      end: start + exact.length,
      statement: "PUBLISHED statement",
      verdictKey: "true",
      rationale: "<p>Published rationale.</p>",
      status: "APPROVED",
      approvedById: ws.users.editor2.id,
      approvedAt: new Date(),
      createdById: ws.users.editor.id,
      updatedById: ws.users.editor.id,
      sources: { create: [{ url: "https://records.example/published", title: "Published source", stance: "SUPPORTS", createdById: ws.users.editor.id }] },
    },
  });
  await publishArticle({ actor: ws.actors.editor, articleId: article.id });
  return { ...ws, article, claim };
}

const get = (slug: string, headers: Record<string, string> = {}) =>
  readerRoute.GET(new NextRequest(`http://localhost/r/${slug}`, { headers }), { params: Promise.resolve({ slug }) });

describe("reader page cache", () => {
  it("serves the cached page (equal to a fresh render) with an ETag, answers 304 to it, and a new publication changes it", async () => {
    const { article, actors, claim } = await publishedArticle();
    const first = await get(article.slug);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const html = await first.text();
    expect(html).toContain("PUBLISHED statement");
    expect(await db.pageCache.count({ where: { key: { startsWith: `reader:${article.id}:` } } })).toBe(1);

    const fresh = await renderPublishedPageFresh({ actor: null, slug: article.slug, variant: "reader" });
    const cached = await getPublishedPage({ actor: null, slug: article.slug, variant: "reader" });
    expect(cached.page).toEqual(fresh);
    expect(cached.page.html).toBe(html);
    expect(first.headers.get("content-security-policy")).toBe(fresh.csp);

    const again = await get(article.slug, { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get(article.slug, { "If-None-Match": '"stale"' })).status).toBe(200);

    // Live edits don't reach the page; a correction replaces the cached page and its ETag.
    const live = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await updateClaim({ actor: actors.editor, claimId: claim.id, version: live.version, patch: { statement: "EDITED statement" } });
    const afterEdit = await get(article.slug, { "If-None-Match": etag! });
    expect(afterEdit.status).toBe(304);
    const approved = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await db.claim.update({ where: { id: claim.id }, data: { status: "APPROVED", approvedById: approved.approvedById ?? undefined } });
    await publishArticle({ actor: actors.editor, articleId: article.id, reason: "Reworded." });
    const corrected = await get(article.slug, { "If-None-Match": etag! });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("etag")).not.toBe(etag);
    expect(await corrected.text()).toContain("EDITED statement");
    expect(await db.pageCache.count({ where: { key: { startsWith: `reader:${article.id}:` } } })).toBe(1);
  });
});

describe("readers get published claims as published", () => {
  it("a claim edited after publishing: readers get the published text from the API, editors the live row", async () => {
    const { actors, article, claim } = await publishedArticle();
    const live = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    await updateClaim({
      actor: actors.editor,
      claimId: claim.id,
      version: live.version,
      patch: { statement: "UNPUBLISHED edit", rationale: "<p>UNPUBLISHED rationale</p>", verdict: "false" },
    });
    await db.source.updateMany({ where: { claimId: claim.id }, data: { title: "UNPUBLISHED source title" } });

    const asReader = await getClaim({ actor: actors.reader, claimId: claim.id });
    expect(asReader).toMatchObject({ statement: "PUBLISHED statement", verdict: "true", rationale: "<p>Published rationale.</p>", status: "PUBLISHED" });
    expect(asReader.sources.map((s) => s.title)).toEqual(["Published source"]);
    const list = await listClaims({ actor: actors.reader, articleId: article.id });
    expect(list.map((c) => c.statement)).toEqual(["PUBLISHED statement"]);
    expect(JSON.stringify(list)).not.toContain("UNPUBLISHED");
    expect(await listClaims({ actor: actors.reader, articleId: article.id, filters: { verdict: "false" } })).toEqual([]);
    expect(await listClaims({ actor: actors.reader, articleId: article.id, filters: { verdict: "true" } })).toHaveLength(1);

    expect(await getClaim({ actor: actors.editor, claimId: claim.id })).toMatchObject({ statement: "UNPUBLISHED edit", verdict: "false" });
  });
});
