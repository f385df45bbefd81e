import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { addComment } from "@/lib/server/comments/add-comment";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { addSource } from "@/lib/server/sources/add-source";
import { startWorkspaceExport } from "@/lib/server/jobs/start-workspace-export";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// The world of the authorization matrix (authz-matrix.test.ts): one workspace with an admin,
// two editors and a reader, and an outsider who belongs to another workspace only. Everything
// readers must never see carries a marker word; the matrix looks for them in every answer to
// a reader, an outsider or an anonymous caller.

export const MARKERS = {
  draftArticle: "ZQDRAFTARTICLE",
  draftBody: "ZQDRAFTBODY",
  draftClaim: "ZQDRAFTCLAIM",
  unpublishedClaim: "ZQUNPUBLISHEDCLAIM",
  trashedClaim: "ZQTRASHEDCLAIM",
  liveEdit: "ZQLIVEEDIT",
  liveSource: "ZQLIVESOURCE",
  comment: "ZQCOMMENT",
} as const;

const PUBLISHED_TEXT = ["Russia annexed Crimea from Ukraine in 2014.", "The war has been running low on ammunition."];

/** An approved claim with one source, written straight to the database (the workflow is tested elsewhere). */
async function approvedClaim(authorId: string, approverId: string, article: { id: string; canonicalText: string }, exact: string, statement: string) {
  const start = article.canonicalText.indexOf(exact);
  const claim = await db.claim.create({
    data: {
      articleId: article.id,
      exact,
      start,
      end: start + exact.length,
      statement,
      verdictKey: "true",
      rationale: "<p>It did, in March 2014.</p>",
      status: "APPROVED",
      approvedById: approverId,
      approvedAt: new Date(),
      createdById: authorId,
      updatedById: approverId,
      sources: { create: { url: "https://en.wikipedia.org/wiki/Annexation_of_Crimea", title: "Annexation", stance: "SUPPORTS", createdById: authorId } },
    },
    include: { sources: true },
  });
  return { ...claim, sourceId: claim.sources[0]!.id };
}

/** The workspace, its people and their API tokens: shared by every world of a run. */
export async function matrixPeople() {
  const base = await createWorkspaceWithMembers();
  const token = async (actor: Actor) => (await createApiToken({ actor, input: { name: "matrix" } })).token;
  const { actors } = base;
  const tokens = { admin: await token(actors.admin), editor: await token(actors.editor), reader: await token(actors.reader), outsider: await token(actors.outsider) };
  return { ...base, tokens };
}
export type MatrixPeople = Awaited<ReturnType<typeof matrixPeople>>;

/** Fresh articles, claims, comments and a spare token in the people's workspace. */
export async function matrixWorld(base: MatrixPeople) {
  const { workspace, users, actors } = base;
  const { editor } = actors;

  // A draft article: readers and outsiders never learn it exists.
  const draft = await createArticleRow({
    workspaceId: workspace.id,
    createdById: users.editor.id,
    title: `${MARKERS.draftArticle} report`,
    paragraphs: [`Russia annexed Crimea in a ${MARKERS.draftBody} paragraph.`, "More text of the draft."],
  });
  const draftClaim = await approvedClaim(users.editor.id, users.admin.id, draft, "Russia annexed Crimea", `${MARKERS.draftClaim} statement`);

  // A public, published article with one published claim and one more approved claim to link.
  const published = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id, paragraphs: PUBLISHED_TEXT });
  const publishedClaim = await approvedClaim(users.editor.id, users.admin.id, published, "Russia annexed Crimea", "Russia annexed Crimea");
  const otherClaim = await approvedClaim(users.editor.id, users.admin.id, published, "Ukraine in 2014", "Ukraine lost Crimea in 2014");
  await publishArticle({ actor: editor, articleId: published.id, visibility: "PUBLIC" });

  // After publishing: work readers must not see until it is published again.
  const [unpublishedClaim, trashedClaim] = await Promise.all([
    createClaim({
      actor: editor,
      articleId: published.id,
      input: { target: { selector: [{ type: "TextQuoteSelector", exact: "running low" }] }, statement: `${MARKERS.unpublishedClaim} statement` },
    }),
    createClaim({
      actor: editor,
      articleId: published.id,
      input: { target: { selector: [{ type: "TextQuoteSelector", exact: "ammunition" }] }, statement: `${MARKERS.trashedClaim} statement` },
    }),
  ]);
  await deleteClaim({ actor: editor, claimId: trashedClaim.id });
  const liveSource = await addSource({ actor: editor, claimId: publishedClaim.id, input: { url: "https://example.org/live", title: `${MARKERS.liveSource} title` } });
  const edited = await updateClaim({
    actor: editor,
    claimId: publishedClaim.id,
    version: liveSource.claimVersion,
    patch: { statement: `${MARKERS.liveEdit} statement`, rationale: `<p>${MARKERS.liveEdit} rationale</p>` },
  });
  const comment = await addComment({ actor: editor, claimId: publishedClaim.id, input: { body: `${MARKERS.comment}: check the date` } });
  await db.claimLink.create({ data: { fromClaimId: publishedClaim.id, toClaimId: otherClaim.id, createdById: users.editor.id } });

  const spareAdminToken = await createApiToken({ actor: actors.admin, input: { name: "spare" } });
  const adminJob = await startWorkspaceExport({ actor: actors.admin, query: { workspace: workspace.id, format: "json", scope: "published" } });
  return {
    ...base,
    draft,
    draftClaim,
    published,
    // (the comment and the link may have moved the version on: read it last)
    publishedClaim: { ...publishedClaim, version: (await db.claim.findUniqueOrThrow({ where: { id: edited.id } })).version },
    otherClaim,
    unpublishedClaim,
    trashedClaim,
    liveSourceId: liveSource.id,
    comment,
    spareAdminToken,
    adminJob,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof matrixWorld>>;
