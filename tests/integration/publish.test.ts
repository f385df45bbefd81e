import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/schemas/enums";
import type { ReportBundle } from "@/lib/schemas/report";
import { buildClaimReviews } from "@/lib/exporting/claimreview";
import { getPublishedArticle } from "@/lib/server/publishing/get-published-article";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { unpublishArticle } from "@/lib/server/publishing/unpublish-article";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low.", "Inflation hit 9 percent last year."];

async function addClaim(opts: {
  articleId: string;
  userId: string;
  approvedById?: string;
  exact: string;
  text: string;
  status: ClaimStatus;
  verdictKey?: string | null;
  statement?: string;
  rationale?: string;
}) {
  const start = opts.text.indexOf(opts.exact);
  return db.claim.create({
    data: {
      articleId: opts.articleId,
      exact: opts.exact,
      start,
      end: start + opts.exact.length,
      statement: opts.statement ?? opts.exact,
      claimant: "A Politician",
      verdictKey: opts.verdictKey === undefined ? "true" : opts.verdictKey,
      rationale: opts.rationale ?? "<p>Checked against <strong>records</strong>.</p>",
      status: opts.status,
      approvedById: opts.status === "APPROVED" ? (opts.approvedById ?? opts.userId) : null,
      approvedAt: opts.status === "APPROVED" ? new Date() : null,
      createdById: opts.userId,
      updatedById: opts.userId,
      sources: { create: [{ url: "https://records.example/crimea", title: "Records", stance: "SUPPORTS", createdById: opts.userId }] },
    },
  });
}

async function setup() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const approved = await addClaim({
    articleId: article.id,
    userId: ws.users.editor.id,
    approvedById: ws.users.editor2.id,
    exact: "Russia annexed Crimea from Ukraine in 2014",
    text: article.canonicalText,
    status: "APPROVED",
  });
  const draft = await addClaim({
    articleId: article.id,
    userId: ws.users.editor.id,
    exact: "The war has been running low",
    statement: "SECRET DRAFT statement",
    text: article.canonicalText,
    status: "DRAFT",
    verdictKey: "false",
  });
  const inReview = await addClaim({
    articleId: article.id,
    userId: ws.users.editor.id,
    exact: "Inflation hit 9 percent",
    statement: "IN REVIEW statement",
    text: article.canonicalText,
    status: "IN_REVIEW",
    verdictKey: "mostly-false",
  });
  await db.comment.create({ data: { claimId: approved.id, authorId: ws.users.editor.id, body: "<p>INTERNAL COMMENT</p>" } });
  return { ...ws, article, approved, draft, inReview };
}

describe("publishArticle", () => {
  it("publishes approved claims only; drafts, reviews, comments and assignees never reach readers", async () => {
    const { actors, article, approved, draft, inReview } = await setup();
    const result = await publishArticle({ actor: actors.editor, articleId: article.id });
    expect(result).toMatchObject({ number: 1, published: true, visibility: "PUBLIC" });
    expect(result.url).toMatch(new RegExp(`/r/${article.slug}$`));

    const { bundle } = await getPublishedArticle({ actor: null, slug: article.slug });
    expect(bundle.claims.map((c) => c.id)).toEqual([approved.id]);
    expect(bundle.claims[0]).toMatchObject({ status: "PUBLISHED", verdict: { key: "true", label: "True" }, reviewer: { name: "Erin Editor" } });
    expect(bundle.claims[0].sources[0]).toMatchObject({ url: "https://records.example/crimea", stance: "SUPPORTS" });
    const serialized = JSON.stringify(bundle);
    for (const secret of ["SECRET DRAFT", "IN REVIEW statement", "INTERNAL COMMENT", draft.id, inReview.id, "assignee"]) {
      expect(serialized).not.toContain(secret);
    }
    const jsonLd = JSON.stringify(buildClaimReviews(bundle));
    expect(jsonLd).not.toContain("SECRET DRAFT");
    expect(buildClaimReviews(bundle)).toHaveLength(1);

    const rows = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["PUBLISHED", "DRAFT", "IN_REVIEW"]);
    expect(rows[0].publishedAt).not.toBeNull();
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({ status: "PUBLISHED", visibility: "PUBLIC" });
    expect(stored.firstPublishedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action).sort()).toEqual(["article.publish", "claim.publish"]);
  });

  it("refuses an article without approved claims, and readers and outsiders cannot publish", async () => {
    const ws = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
    await addClaim({ articleId: article.id, userId: ws.users.editor.id, exact: "Russia annexed", text: article.canonicalText, status: "IN_REVIEW" });
    await expect(publishArticle({ actor: ws.actors.editor, articleId: article.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringContaining("approve at least one claim"),
    });
    await expect(publishArticle({ actor: ws.actors.reader, articleId: article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishArticle({ actor: ws.actors.outsider, articleId: article.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishArticle({ actor: null, articleId: article.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(getPublishedArticle({ actor: null, slug: article.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a correction requires a reason, records what changed, and readers see the latest snapshot with the log", async () => {
    const { actors, users, article, approved, inReview } = await setup();
    await publishArticle({ actor: actors.editor, articleId: article.id });

    const same = await publishArticle({ actor: actors.editor, articleId: article.id, reason: "nothing" });
    expect(same).toMatchObject({ published: false, number: 1 });
    expect(same.message).toMatch(/Nothing changed/);

    // Live edits do not reach readers until the article is published again.
    await db.claim.update({ where: { id: approved.id }, data: { verdictKey: "mostly-true" } });
    await db.claim.update({ where: { id: inReview.id }, data: { status: "APPROVED", approvedById: users.editor2.id, approvedAt: new Date() } });
    expect((await getPublishedArticle({ actor: null, slug: article.slug })).bundle.claims[0].verdict?.key).toBe("true");

    await expect(publishArticle({ actor: actors.editor, articleId: article.id })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      message: expect.stringContaining("Give a reason"),
    });
    const corrected = await publishArticle({ actor: actors.admin, articleId: article.id, reason: "A new census figure came out." });
    expect(corrected).toMatchObject({ published: true, number: 2 });
    expect(corrected.changes).toEqual([
      "Claim 'Russia annexed Crimea from Ukraine in 2014': verdict True → Mostly true",
      "Claim added: 'IN REVIEW statement' rated Mostly false",
    ]);

    const { bundle, publicationNumber } = await getPublishedArticle({ actor: null, slug: article.slug });
    expect(publicationNumber).toBe(2);
    expect(bundle.claims.map((c) => c.verdict?.key)).toEqual(["mostly-true", "mostly-false"]);
    expect(bundle.corrections).toEqual([
      { number: 2, reason: "A new census figure came out.", changes: corrected.changes, createdAt: expect.any(String) },
    ]);
    expect(bundle.article.lastPublishedAt! > bundle.article.firstPublishedAt!).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { articleId: article.id, action: "article.correct" } });
    expect(JSON.parse(audit!.after!)).toMatchObject({ publication: 2, reason: "A new census figure came out." });
  });

  it("claims removed from publication are listed as removed", async () => {
    const { actors, article, approved } = await setup();
    const second = await addClaim({
      articleId: article.id,
      userId: actors.editor.userId,
      exact: "Inflation hit",
      text: article.canonicalText,
      status: "APPROVED",
      statement: "Second claim",
    });
    await publishArticle({ actor: actors.editor, articleId: article.id });
    await db.claim.update({ where: { id: second.id }, data: { deletedAt: new Date() } });
    const res = await publishArticle({ actor: actors.editor, articleId: article.id, reason: "Claim was a duplicate." });
    expect(res.changes).toEqual(["Claim removed: 'Second claim'"]);
    const { bundle } = await getPublishedArticle({ actor: null, slug: article.slug });
    expect(bundle.claims.map((c) => c.id)).toEqual([approved.id]);
  });
});

describe("visibility and withdrawal", () => {
  it("members-only: signed out is UNAUTHORIZED, outsiders NOT_FOUND, members (any role) read it", async () => {
    const { actors, article } = await setup();
    await publishArticle({ actor: actors.editor, articleId: article.id, visibility: "MEMBERS" });
    await expect(getPublishedArticle({ actor: null, slug: article.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(getPublishedArticle({ actor: actors.outsider, slug: article.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublishedArticle({ actor: actors.reader, slug: article.slug })).resolves.toMatchObject({ visibility: "MEMBERS" });

    // Switching back to public without content changes is not a correction.
    const res = await publishArticle({ actor: actors.editor, articleId: article.id, visibility: "PUBLIC" });
    expect(res).toMatchObject({ published: false, number: 1, visibility: "PUBLIC" });
    await expect(getPublishedArticle({ actor: null, slug: article.slug })).resolves.toMatchObject({ visibility: "PUBLIC" });
  });

  it("unpublish needs a reason and makes the address GONE; a withdrawn members-only article stays hidden from strangers", async () => {
    const { actors, article } = await setup();
    await expect(unpublishArticle({ actor: actors.editor, articleId: article.id, reason: "Because" })).rejects.toMatchObject({ code: "CONFLICT" });
    await publishArticle({ actor: actors.editor, articleId: article.id });
    await expect(unpublishArticle({ actor: actors.editor, articleId: article.id, reason: " " })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(unpublishArticle({ actor: actors.reader, articleId: article.id, reason: "No way" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const res = await unpublishArticle({ actor: actors.editor, articleId: article.id, reason: "The source article was retracted." });
    expect(res.reason).toBe("The source article was retracted.");

    const err = await getPublishedArticle({ actor: null, slug: article.slug }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "GONE", details: { reason: "The source article was retracted." } });
    expect((err as Error).message).toMatch(/^This fact-check was withdrawn on \d{1,2} \w+ \d{4}: The source article was retracted\.$/);
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "The source article was retracted." });

    // Publishing again is a correction and needs a reason.
    await expect(publishArticle({ actor: actors.editor, articleId: article.id })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    const again = await publishArticle({ actor: actors.editor, articleId: article.id, reason: "Retraction was itself retracted.", visibility: "MEMBERS" });
    expect(again).toMatchObject({ number: 2, changes: ["Published again after it was withdrawn"] });
    await unpublishArticle({ actor: actors.editor, articleId: article.id, reason: "Withdrawn again." });
    await expect(getPublishedArticle({ actor: actors.outsider, slug: article.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublishedArticle({ actor: actors.reader, slug: article.slug })).rejects.toMatchObject({ code: "GONE" });
  });

  it("an unknown slug or an unpublished draft is NOT_FOUND", async () => {
    const { article } = await setup();
    await expect(getPublishedArticle({ actor: null, slug: "no-such-article" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPublishedArticle({ actor: null, slug: article.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the stored snapshot is a published-scope ReportBundle with the organisation and reader URL", async () => {
    const { actors, article, workspace } = await setup();
    await publishArticle({ actor: actors.editor, articleId: article.id });
    const pub = await db.publication.findFirstOrThrow({ where: { articleId: article.id } });
    const snap = JSON.parse(pub.snapshot) as ReportBundle;
    expect(snap.scope).toBe("published");
    expect(snap.organization).toEqual({ name: workspace.organizationName, url: workspace.organizationUrl, requireIndependentApproval: true, locale: "en-GB" });
    expect(snap.article.readerUrl.endsWith(`/r/${article.slug}`)).toBe(true);
    expect(snap.scale.verdicts.length).toBeGreaterThan(3);
    expect(pub.reason).toBeNull();
  });
});
