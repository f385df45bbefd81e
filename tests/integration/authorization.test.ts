import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/server/articles/create-article";
import { deleteArticle } from "@/lib/server/articles/delete-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { listArticles } from "@/lib/server/articles/list-articles";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { inviteUser } from "@/lib/server/invitations/invite-user";
import { listPendingInvitations } from "@/lib/server/invitations/list-invitations";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { listMembers } from "@/lib/server/members/list-members";
import { removeMember } from "@/lib/server/members/remove-member";
import { setMemberRole } from "@/lib/server/members/set-member-role";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { getScale } from "@/lib/server/scale/get-scale";
import { addSource } from "@/lib/server/sources/add-source";
import { getRatingScaleForEdit } from "@/lib/server/scales/get-rating-scale-for-edit";
import { updateRatingScale } from "@/lib/server/scales/update-rating-scale";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { createUser } from "@/lib/server/users/create-user";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { getMe } from "@/lib/server/users/get-me";
import { reactivateUser } from "@/lib/server/users/reactivate-user";
import { getWorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/server/workspaces/update-workspace";
import { createArticleRow, createWorkspaceWithMembers, recordPublication } from "./factories";

// Every service, called by each kind of caller. Expectations follow the issue: anonymous →
// UNAUTHORIZED; a member of another workspace → NOT_FOUND (existence does not leak); a reader
// may read published work but gets FORBIDDEN on writes; editors create and annotate; admins
// also manage members, settings and the scale. Each row runs against fresh data.

type Who = "anonymous" | "outsider" | "reader" | "editor" | "admin";
type Outcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN";
const WHO: Who[] = ["anonymous", "outsider", "reader", "editor", "admin"];

const PARAGRAPH = "Russia annexed Crimea from Ukraine in 2014.";

async function fixture() {
  const base = await createWorkspaceWithMembers();
  const { workspace, users, actors } = base;
  const draft = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id, paragraphs: [PARAGRAPH] });
  const published = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id, paragraphs: [PARAGRAPH], status: "PUBLISHED" });
  // Readers see only published claims of published articles; the draft's claim is approved, ready to publish.
  const claimOn = (articleId: string, status: "APPROVED" | "PUBLISHED") =>
    db.claim.create({
      data: {
        articleId,
        exact: "Russia annexed Crimea",
        start: 0,
        end: 21,
        suffix: " from Ukraine",
        statement: "Russia annexed Crimea",
        verdictKey: "true",
        rationale: "<p>It did, in March 2014.</p>",
        status,
        createdById: users.editor.id,
        updatedById: users.editor.id,
      },
    });
  const [draftClaim, publishedClaim] = await Promise.all([claimOn(draft.id, "APPROVED"), claimOn(published.id, "PUBLISHED")]);
  await db.source.createMany({
    data: [draftClaim, publishedClaim].map((c) => ({ claimId: c.id, url: "https://en.wikipedia.org/wiki/Annexation_of_Crimea", stance: "SUPPORTS", createdById: users.editor.id })),
  });
  await recordPublication(published.id, users.editor.id);
  const invitation = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email: `pending-${draft.id}@example.test`, role: "READER" } });
  const adminToken = await createApiToken({ actor: actors.admin, input: { name: "admin's" } });
  await db.user.update({ where: { id: users.editor2.id }, data: { active: false } });
  return { ...base, draft, published, draftClaim, publishedClaim, invitation, adminToken };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

function actorFor(f: Fixture, who: Who): Actor | null {
  return who === "anonymous" ? null : f.actors[who];
}

const ADMIN_ONLY: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", reader: "FORBIDDEN", editor: "FORBIDDEN", admin: "ok" };
const EDITORS: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", reader: "FORBIDDEN", editor: "ok", admin: "ok" };
const EDITORS_ON_DRAFT: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", reader: "NOT_FOUND", editor: "ok", admin: "ok" };
const MEMBERS: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", reader: "ok", editor: "ok", admin: "ok" };
const ANY_SIGNED_IN: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "ok", reader: "ok", editor: "ok", admin: "ok" };
const OWNER_ONLY: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", reader: "NOT_FOUND", editor: "NOT_FOUND", admin: "ok" };

const ws = (f: Fixture) => f.workspace.id;

const CASES: Array<{ service: string; expect: Record<Who, Outcome>; run: (f: Fixture, actor: Actor | null) => Promise<unknown> }> = [
  // Members, users and invitations
  { service: "listMembers", expect: ADMIN_ONLY, run: (f, actor) => listMembers({ actor, workspaceId: ws(f) }) },
  { service: "createUser", expect: ADMIN_ONLY, run: (f, actor) => createUser({ actor, workspaceId: ws(f), input: { email: `made-${f.draft.id}@example.test`, name: "Made", role: "READER" } }) },
  { service: "inviteUser", expect: ADMIN_ONLY, run: (f, actor) => inviteUser({ actor, workspaceId: ws(f), input: { email: `inv-${f.draft.id}@example.test`, role: "EDITOR" } }) },
  { service: "listPendingInvitations", expect: ADMIN_ONLY, run: (f, actor) => listPendingInvitations({ actor, workspaceId: ws(f) }) },
  { service: "revokeInvitation", expect: ADMIN_ONLY, run: (f, actor) => revokeInvitation({ actor, workspaceId: ws(f), invitationId: f.invitation.invitationId }) },
  { service: "setMemberRole", expect: ADMIN_ONLY, run: (f, actor) => setMemberRole({ actor, workspaceId: ws(f), userId: f.users.reader.id, role: "EDITOR" }) },
  { service: "removeMember", expect: ADMIN_ONLY, run: (f, actor) => removeMember({ actor, workspaceId: ws(f), userId: f.users.editor2.id }) },
  { service: "deactivateUser", expect: ADMIN_ONLY, run: (f, actor) => deactivateUser({ actor, workspaceId: ws(f), userId: f.users.reader.id === actor?.userId ? f.users.editor.id : f.users.reader.id }) },
  { service: "reactivateUser", expect: ADMIN_ONLY, run: (f, actor) => reactivateUser({ actor, workspaceId: ws(f), userId: f.users.editor2.id }) },
  // Workspace settings and the rating scale
  { service: "getWorkspaceSettings", expect: ADMIN_ONLY, run: (f, actor) => getWorkspaceSettings({ actor, workspaceId: ws(f) }) },
  {
    service: "updateWorkspaceSettings",
    expect: ADMIN_ONLY,
    run: (f, actor) => updateWorkspaceSettings({ actor, workspaceId: ws(f), input: { name: "Renamed", organizationName: "Org", organizationUrl: null, requireIndependentApproval: true } }),
  },
  { service: "getRatingScaleForEdit", expect: ADMIN_ONLY, run: (f, actor) => getRatingScaleForEdit({ actor, workspaceId: ws(f) }) },
  {
    service: "updateRatingScale",
    expect: ADMIN_ONLY,
    run: (f, actor) =>
      updateRatingScale({ actor, workspaceId: ws(f), input: { bestRating: 5, worstRating: 1, verdicts: [{ key: "true", label: "True", color: "#bbf7d0", ratingValue: 5 }] } }),
  },
  { service: "getScale (read-only)", expect: MEMBERS, run: (f, actor) => getScale({ actor, workspaceId: ws(f) }) },
  // Personal API tokens and the account
  { service: "createApiToken", expect: ANY_SIGNED_IN, run: (_f, actor) => createApiToken({ actor, input: { name: "mine" } }) },
  { service: "listApiTokens", expect: ANY_SIGNED_IN, run: (_f, actor) => listApiTokens({ actor }) },
  { service: "revokeApiToken (the admin's token)", expect: OWNER_ONLY, run: (f, actor) => revokeApiToken({ actor, tokenId: f.adminToken.id }) },
  { service: "getMe", expect: ANY_SIGNED_IN, run: (_f, actor) => getMe({ actor }) },
  // Articles: readers see published ones only
  { service: "listArticles", expect: MEMBERS, run: (f, actor) => listArticles({ actor, workspaceId: ws(f) }) },
  { service: "getArticle (published)", expect: MEMBERS, run: (f, actor) => getArticle({ actor, articleId: f.published.id }) },
  { service: "getArticle (draft)", expect: EDITORS_ON_DRAFT, run: (f, actor) => getArticle({ actor, articleId: f.draft.id }) },
  {
    service: "createArticle",
    expect: EDITORS,
    run: (f, actor) => createArticle({ actor, workspaceId: ws(f), input: { source: { kind: "text", text: "Headline\n\nA paragraph of the article body." } } }),
  },
  { service: "deleteArticle (published)", expect: EDITORS, run: (f, actor) => deleteArticle({ actor, articleId: f.published.id }) },
  { service: "deleteArticle (draft)", expect: EDITORS_ON_DRAFT, run: (f, actor) => deleteArticle({ actor, articleId: f.draft.id }) },
  // Claims: readers read published articles only and never write
  { service: "getClaim (published article)", expect: MEMBERS, run: (f, actor) => getClaim({ actor, claimId: f.publishedClaim.id }) },
  { service: "getClaim (draft article)", expect: EDITORS_ON_DRAFT, run: (f, actor) => getClaim({ actor, claimId: f.draftClaim.id }) },
  { service: "listClaims (published article)", expect: MEMBERS, run: (f, actor) => listClaims({ actor, articleId: f.published.id }) },
  { service: "listClaims (draft article)", expect: EDITORS_ON_DRAFT, run: (f, actor) => listClaims({ actor, articleId: f.draft.id }) },
  {
    service: "createClaim (published article)",
    expect: EDITORS,
    run: (f, actor) =>
      createClaim({ actor, articleId: f.published.id, input: { target: { selector: [{ type: "TextQuoteSelector", exact: "Ukraine in 2014" }] } } }),
  },
  {
    service: "updateClaim (published article)",
    expect: EDITORS,
    run: (f, actor) => updateClaim({ actor, claimId: f.publishedClaim.id, version: f.publishedClaim.version, patch: { claimant: "Someone" } }),
  },
  { service: "deleteClaim (published article)", expect: EDITORS, run: (f, actor) => deleteClaim({ actor, claimId: f.publishedClaim.id }) },
  {
    service: "addSource (published article)",
    expect: EDITORS,
    run: (f, actor) => addSource({ actor, claimId: f.publishedClaim.id, input: { url: "https://www.reuters.com/world/", stance: "CONTEXT" } }),
  },
  { service: "addComment (published article)", expect: EDITORS, run: (f, actor) => addComment({ actor, claimId: f.publishedClaim.id, input: { body: "Check the date." } }) },
  { service: "listComments (published article)", expect: EDITORS, run: (f, actor) => listComments({ actor, claimId: f.publishedClaim.id }) },
  { service: "publishArticle (draft article)", expect: EDITORS_ON_DRAFT, run: (f, actor) => publishArticle({ actor, articleId: f.draft.id }) },
];

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" ? code : `unexpected ${(e as Error).name}: ${(e as Error).message}`;
  }
}

describe("authorization of every service", () => {
  for (const c of CASES) {
    it(c.service, async () => {
      const results: Record<string, string> = {};
      for (const who of WHO) {
        const f = await fixture();
        results[who] = await outcome(c.run(f, actorFor(f, who)));
      }
      expect(results).toEqual(c.expect);
    });
  }

  it("a refused write changes nothing", async () => {
    const f = await fixture();
    await outcome(setMemberRole({ actor: f.actors.editor, workspaceId: ws(f), userId: f.users.reader.id, role: "ADMIN" }));
    await outcome(updateWorkspaceSettings({ actor: f.actors.outsider, workspaceId: ws(f), input: { name: "Hijacked", organizationName: "x", requireIndependentApproval: false } }));
    await outcome(deleteClaim({ actor: f.actors.reader, claimId: f.publishedClaim.id }));
    expect((await db.membership.findFirstOrThrow({ where: { userId: f.users.reader.id, workspaceId: ws(f) } })).role).toBe("READER");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws(f) } })).name).toBe(f.workspace.name);
    expect((await db.claim.findUniqueOrThrow({ where: { id: f.publishedClaim.id } })).deletedAt).toBeNull();
  });
});
