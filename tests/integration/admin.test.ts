import { describe, expect, it } from "vitest";
import { authenticateWithPassword, DEACTIVATED } from "@/lib/auth/authenticate";
import { loadActor } from "@/lib/auth/load-actor";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DEFAULT_SCALE } from "@/lib/scale/default-scale";
import type { ScaleVerdictInput } from "@/lib/schemas/admin";
import { acceptInvitation, EXISTING_ACCOUNT_PASSWORD } from "@/lib/server/invitations/accept-invitation";
import { getInvitationByToken, INVITATION_EXPIRED, INVITATION_REVOKED, INVITATION_USED } from "@/lib/server/invitations/get-invitation";
import { hashInvitationToken } from "@/lib/server/invitations/invitation-token";
import { inviteUser } from "@/lib/server/invitations/invite-user";
import { listPendingInvitations } from "@/lib/server/invitations/list-invitations";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { listMembers } from "@/lib/server/members/list-members";
import { removeMember } from "@/lib/server/members/remove-member";
import { setMemberRole } from "@/lib/server/members/set-member-role";
import { getRatingScaleForEdit } from "@/lib/server/scales/get-rating-scale-for-edit";
import { updateRatingScale } from "@/lib/server/scales/update-rating-scale";
import { checkVerdictContrast, scaleProblems, slugifyVerdictKey } from "@/lib/scale/validate-scale";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";
import { bootstrapUser } from "@/lib/server/users/bootstrap-user";
import { createUser as createUserService } from "@/lib/server/users/create-user";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { setAccountActive } from "@/lib/server/users/set-account-active";
import { answerMyInvitation, listMyInvitations } from "@/lib/server/invitations/my-invitations";
import { listMyWorkspaces } from "@/lib/server/workspaces/list-my-workspaces";
import { createSession, isSessionLive } from "@/lib/auth/sessions";
import { reactivateUser } from "@/lib/server/users/reactivate-user";
import { getWorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { updateWorkspaceSettings } from "@/lib/server/workspaces/update-workspace";
import { actorOf, createArticleRow, createUser, createWorkspaceWithMembers } from "./factories";

const tokenOf = (path: string) => path.replace("/invite/", "");
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random().toString(36).slice(2, 8)}`;

describe("members and users", () => {
  it("an admin creates a user with a generated password that signs in, and sees them in the member list", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const email = `new-${Date.now()}@Example.test`;
    const result = await createUserService({ actor: actors.admin, workspaceId: workspace.id, input: { email, name: "Nia New", role: "EDITOR" } });
    expect(result.generatedPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(result.email).toBe(email.toLowerCase());
    await expect(authenticateWithPassword(email, result.generatedPassword!, ip())).resolves.toMatchObject({ id: result.userId });
    const members = await listMembers({ actor: actors.admin, workspaceId: workspace.id });
    expect(members.find((m) => m.userId === result.userId)).toMatchObject({ name: "Nia New", role: "EDITOR", active: true });
    const actions = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, actorId: actors.admin.userId, action: { in: ["user.create", "membership.create"] } } });
    expect(actions.map((a) => a.action).sort()).toEqual(["membership.create", "user.create"]);
  });

  it("an existing email is not added: its owner gets an invitation to accept or decline; its password is untouched", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const existing = await createUser({ password: "original-password-1" });
    const result = await createUserService({
      actor: actors.admin,
      workspaceId: workspace.id,
      input: { email: existing.email, name: "Ignored", role: "EDITOR", password: "attacker-password-1" },
    });
    expect(result).toMatchObject({ userId: existing.id, existingAccount: true, generatedPassword: null });
    expect(await db.membership.count({ where: { userId: existing.id, workspaceId: workspace.id } })).toBe(0);
    await expect(authenticateWithPassword(existing.email, "original-password-1", ip())).resolves.toMatchObject({ id: existing.id });
    const owner = actorOf(existing);
    const [pending] = await listMyInvitations({ actor: owner });
    expect(pending).toMatchObject({ workspaceName: workspace.name, role: "EDITOR" });
    // Nobody else can answer it.
    await expect(answerMyInvitation({ actor: actors.editor, invitationId: pending.id, accept: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await answerMyInvitation({ actor: owner, invitationId: pending.id, accept: true });
    expect(await db.membership.findUnique({ where: { userId_workspaceId: { userId: existing.id, workspaceId: workspace.id } } })).toMatchObject({ role: "EDITOR", active: true });
    await expect(answerMyInvitation({ actor: owner, invitationId: pending.id, accept: false })).rejects.toMatchObject({ code: "GONE" });
    expect(await listMyInvitations({ actor: owner })).toEqual([]);
    const audit = await db.auditEvent.findMany({ where: { entityId: pending.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((r) => r.action)).toEqual(["invitation.create", "invitation.accept"]);
    await expect(
      createUserService({ actor: actors.admin, workspaceId: workspace.id, input: { email: existing.email, name: "x", role: "READER" } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already a member/) });
  });

  it("a declined invitation adds nothing", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const existing = await createUser();
    await createUserService({ actor: actors.admin, workspaceId: workspace.id, input: { email: existing.email, name: "x", role: "ADMIN" } });
    const [pending] = await listMyInvitations({ actor: actorOf(existing) });
    await answerMyInvitation({ actor: actorOf(existing), invitationId: pending.id, accept: false });
    expect(await db.membership.count({ where: { userId: existing.id, workspaceId: workspace.id } })).toBe(0);
    expect(await listMyInvitations({ actor: actorOf(existing) })).toEqual([]);
  });

  it("an admin of workspace A cannot affect an editor of workspace B", async () => {
    const a = await createWorkspaceWithMembers();
    const b = await createWorkspaceWithMembers();
    await db.user.update({ where: { id: b.users.editor.id }, data: { passwordHash: await hashPassword("editor-b-password") } });
    const bToken = await createApiToken({ actor: b.actors.editor, input: { name: "b" } });
    // "Add user" with B's editor's email: an invitation, no membership in A.
    await createUserService({ actor: a.actors.admin, workspaceId: a.workspace.id, input: { email: b.users.editor.email, name: "x", role: "READER" } });
    expect(await db.membership.count({ where: { userId: b.users.editor.id, workspaceId: a.workspace.id } })).toBe(0);
    // So A's admin cannot deactivate, remove, re-role them: not a member of A.
    await expect(deactivateUser({ actor: a.actors.admin, workspaceId: a.workspace.id, userId: b.users.editor.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember({ actor: a.actors.admin, workspaceId: a.workspace.id, userId: b.users.editor.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setMemberRole({ actor: a.actors.admin, workspaceId: a.workspace.id, userId: b.users.editor.id, role: "READER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor act on B with their own membership.
    await expect(deactivateUser({ actor: a.actors.admin, workspaceId: b.workspace.id, userId: b.users.editor.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Even after the editor accepts and A's admin deactivates them in A, B is untouched.
    const [inv] = await listMyInvitations({ actor: b.actors.editor });
    await answerMyInvitation({ actor: b.actors.editor, invitationId: inv.id, accept: true });
    await deactivateUser({ actor: a.actors.admin, workspaceId: a.workspace.id, userId: b.users.editor.id });
    await expect(authenticateWithPassword(b.users.editor.email, "editor-b-password", ip())).resolves.toMatchObject({ id: b.users.editor.id });
    await expect(resolveApiToken(bToken.token)).resolves.toMatchObject({ userId: b.users.editor.id });
    expect((await listMyWorkspaces({ actor: b.actors.editor })).map((w) => w.id)).toEqual([b.workspace.id]);
    await expect(listMembers({ actor: b.actors.editor, workspaceId: a.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: b.users.editor.id } })).active).toBe(true);
  });

  it("validates the form: email, name and password length", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    await expect(
      createUserService({ actor: actors.admin, workspaceId: workspace.id, input: { email: "not-an-email", name: "x", role: "READER" } }),
    ).rejects.toThrow(/valid email/);
    await expect(
      createUserService({ actor: actors.admin, workspaceId: workspace.id, input: { email: "a@b.example", name: "x", role: "READER", password: "short" } }),
    ).rejects.toThrow(/at least 10 characters/);
  });

  it("the last admin cannot be demoted, removed or deactivated; with a second admin they can", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    await expect(setMemberRole({ actor: actors.admin, workspaceId: workspace.id, userId: users.admin.id, role: "EDITOR" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/without an admin\. Make another member an admin first/),
    });
    await expect(removeMember({ actor: actors.admin, workspaceId: workspace.id, userId: users.admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await setMemberRole({ actor: actors.admin, workspaceId: workspace.id, userId: users.editor.id, role: "ADMIN" });
    // A deactivated admin does not count as the other admin.
    await deactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.editor.id });
    await expect(setMemberRole({ actor: actors.admin, workspaceId: workspace.id, userId: users.admin.id, role: "READER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await reactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.editor.id });
    await setMemberRole({ actor: actors.editor, workspaceId: workspace.id, userId: users.admin.id, role: "READER" });
    const roles = Object.fromEntries((await listMembers({ actor: actors.editor, workspaceId: workspace.id })).map((m) => [m.userId, m.role]));
    expect(roles[users.admin.id]).toBe("READER");
    expect(roles[users.editor.id]).toBe("ADMIN");
    const audit = await db.auditEvent.findFirst({ where: { workspaceId: workspace.id, action: "membership.role" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit!.before!)).toEqual({ userId: users.admin.id, role: "ADMIN" });
  });

  it("removing a member keeps their account and other workspaces", async () => {
    const { workspace, otherWorkspace, actors, users } = await createWorkspaceWithMembers();
    await db.membership.create({ data: { userId: users.reader.id, workspaceId: otherWorkspace.id, role: "READER" } });
    await removeMember({ actor: actors.admin, workspaceId: workspace.id, userId: users.reader.id });
    expect(await db.membership.count({ where: { userId: users.reader.id } })).toBe(1);
    await expect(removeMember({ actor: actors.admin, workspaceId: workspace.id, userId: users.reader.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deactivation is per membership: the workspace is closed to the member (session and tokens), the account is not; reactivation restores it", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    await db.user.update({ where: { id: users.editor.id }, data: { passwordHash: await hashPassword("editor-password-1") } });
    await deactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.editor.id });
    await expect(authenticateWithPassword(users.editor.email, "editor-password-1", ip())).resolves.toMatchObject({ id: users.editor.id });
    await expect(listMembers({ actor: actors.editor, workspaceId: workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWorkspaceSettings({ actor: actors.editor, workspaceId: workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listMyWorkspaces({ actor: actors.editor })).toEqual([]);
    const member = (await listMembers({ actor: actors.admin, workspaceId: workspace.id })).find((m) => m.userId === users.editor.id);
    expect(member).toMatchObject({ active: false, accountActive: true });
    const audit = await db.auditEvent.findFirst({ where: { action: "membership.deactivate", workspaceId: workspace.id } });
    expect(audit?.actorId).toBe(users.admin.id);
    await reactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.editor.id });
    expect((await listMyWorkspaces({ actor: actors.editor })).map((w) => w.id)).toEqual([workspace.id]);
  });

  it("only a site admin deactivates an account everywhere: sign-in, sessions and API tokens stop at once", async () => {
    const { actors, users } = await createWorkspaceWithMembers();
    await db.user.update({ where: { id: users.editor.id }, data: { passwordHash: await hashPassword("editor-password-1") } });
    const token = await createApiToken({ actor: actors.editor, input: { name: "t" } });
    const sid = await createSession(users.editor.id);
    await expect(setAccountActive({ actor: actors.admin, userId: users.editor.id, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const site = await createUser();
    await db.user.update({ where: { id: site.id }, data: { isSuperAdmin: true } });
    await setAccountActive({ actor: { ...actorOf(site), isSuperAdmin: true }, userId: users.editor.id, active: false });
    await expect(authenticateWithPassword(users.editor.email, "editor-password-1", ip())).rejects.toMatchObject({ message: DEACTIVATED });
    expect(await loadActor(users.editor.id)).toBeNull();
    expect(await isSessionLive(sid, users.editor.id)).toBe(false);
    await expect(resolveApiToken(token.token)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/deactivated/) });
    await setAccountActive({ actor: { ...actorOf(site), isSuperAdmin: true }, userId: users.editor.id, active: true });
    await expect(resolveApiToken(token.token)).resolves.toMatchObject({ userId: users.editor.id });
  });

  it("an admin cannot deactivate themselves, nor a user outside the workspace", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    await expect(deactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.admin.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/cannot deactivate yourself/),
    });
    await expect(deactivateUser({ actor: actors.admin, workspaceId: workspace.id, userId: users.outsider.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: users.outsider.id } })).active).toBe(true);
  });
});

describe("invitations", () => {
  it("an invited person sets a name and password, joins with the invited role, and the link is single-use", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const email = `invitee-${Date.now()}@example.test`;
    const invitation = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email, role: "EDITOR" } });
    expect(invitation.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.invitationId } });
    expect(stored.tokenHash).toBe(hashInvitationToken(tokenOf(invitation.path)));
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(await listPendingInvitations({ actor: actors.admin, workspaceId: workspace.id })).toEqual([expect.objectContaining({ email, role: "EDITOR" })]);

    const view = await getInvitationByToken(tokenOf(invitation.path));
    expect(view).toMatchObject({ email, role: "EDITOR", workspaceName: workspace.name, accountExists: false });
    const accepted = await acceptInvitation({ token: tokenOf(invitation.path), input: { name: "Ivy Invitee", password: "invitee-password-1" } });
    await expect(authenticateWithPassword(email, "invitee-password-1", ip())).resolves.toMatchObject({ id: accepted.userId });
    expect(await db.membership.findFirst({ where: { userId: accepted.userId, workspaceId: workspace.id } })).toMatchObject({ role: "EDITOR" });
    await expect(acceptInvitation({ token: tokenOf(invitation.path), input: { name: "Again", password: "another-password-1" } })).rejects.toMatchObject({
      code: "GONE",
      message: INVITATION_USED,
    });
    expect(await listPendingInvitations({ actor: actors.admin, workspaceId: workspace.id })).toEqual([]);
  });

  it("revoked, expired, re-issued and garbled links each say what happened", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const a = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email: `a-${Date.now()}@example.test`, role: "READER" } });
    await revokeInvitation({ actor: actors.admin, workspaceId: workspace.id, invitationId: a.invitationId });
    await expect(getInvitationByToken(tokenOf(a.path))).rejects.toMatchObject({ code: "GONE", message: INVITATION_REVOKED });

    const b = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email: `b-${Date.now()}@example.test`, role: "READER" } });
    await db.invitation.update({ where: { id: b.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation({ token: tokenOf(b.path), input: { name: "B", password: "b-password-123" } })).rejects.toMatchObject({
      message: INVITATION_EXPIRED,
    });

    const email = `c-${Date.now()}@example.test`;
    const c1 = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email, role: "READER" } });
    const c2 = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email, role: "EDITOR" } });
    await expect(getInvitationByToken(tokenOf(c1.path))).rejects.toMatchObject({ message: INVITATION_REVOKED });
    await expect(getInvitationByToken(tokenOf(c2.path))).resolves.toMatchObject({ role: "EDITOR" });

    await expect(getInvitationByToken("garbage")).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/not valid/) });
    await expect(getInvitationByToken("A".repeat(43))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an existing account must give its current password to accept, and keeps it", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const existing = await createUser({ password: "existing-password-1" });
    const inv = await inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email: existing.email, role: "READER" } });
    expect((await getInvitationByToken(tokenOf(inv.path))).accountExists).toBe(true);
    await expect(acceptInvitation({ token: tokenOf(inv.path), input: { name: "Taken Over", password: "new-password-123" } })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: EXISTING_ACCOUNT_PASSWORD,
    });
    await acceptInvitation({ token: tokenOf(inv.path), input: { name: existing.name, password: "existing-password-1" } });
    expect(await db.membership.findFirst({ where: { userId: existing.id, workspaceId: workspace.id } })).toMatchObject({ role: "READER" });
  });

  it("inviting an existing member is a conflict", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    await expect(inviteUser({ actor: actors.admin, workspaceId: workspace.id, input: { email: users.reader.email, role: "EDITOR" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("workspace settings", () => {
  it("updates name, organisation and approval rule with an audit row; URLs must be http(s)", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const input = { name: "Metro Desk", organizationName: "Metro Checkers", organizationUrl: "https://metro.example/checks", requireIndependentApproval: false };
    await expect(updateWorkspaceSettings({ actor: actors.admin, workspaceId: workspace.id, input })).resolves.toMatchObject(input);
    expect(await getWorkspaceSettings({ actor: actors.admin, workspaceId: workspace.id })).toMatchObject(input);
    const audit = await db.auditEvent.findFirst({ where: { workspaceId: workspace.id, action: "workspace.update" } });
    expect(JSON.parse(audit!.fields).sort()).toEqual(["name", "organizationName", "organizationUrl", "requireIndependentApproval"]);
    for (const bad of ["javascript:alert(1)", "ftp://metro.example", "metro.example"]) {
      await expect(updateWorkspaceSettings({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, organizationUrl: bad } })).rejects.toThrow(/http:\/\/ or https:\/\//);
    }
    await expect(updateWorkspaceSettings({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, organizationUrl: "" } })).resolves.toMatchObject({
      organizationUrl: null,
    });
  });
});

describe("rating scale editing", () => {
  async function scaleInput(actor: ReturnType<typeof actorOf>, workspaceId: string): Promise<{ bestRating: number; worstRating: number; verdicts: ScaleVerdictInput[] }> {
    const scale = await getRatingScaleForEdit({ actor, workspaceId });
    return {
      bestRating: scale.bestRating,
      worstRating: scale.worstRating,
      verdicts: scale.verdicts.map(({ key, label, description, color, ratingValue, archived }) => ({ key, label, description, color, ratingValue, archived })),
    };
  }

  it("the default scale passes its own checks", () => {
    expect(scaleProblems({ ...DEFAULT_SCALE, verdicts: DEFAULT_SCALE.verdicts.map((v) => ({ ...v, archived: false })) })).toEqual([]);
    expect(checkVerdictContrast("#1d4ed8").passes).toBe(false);
    expect(checkVerdictContrast("#fecaca").passes).toBe(true);
    expect(slugifyVerdictKey("  Pants on Fire! ")).toBe("pants-on-fire");
    expect(slugifyVerdictKey("Échec")).toBe("echec");
    expect(slugifyVerdictKey("¿¿")).toBe("verdict");
  });

  it("edits labels, colours and order, adds a verdict with a new stable key, and never changes keys", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const input = await scaleInput(actors.admin, workspace.id);
    input.verdicts[0] = { ...input.verdicts[0], label: "Accurate", color: "#a7f3d0" };
    input.verdicts.reverse();
    input.verdicts.push({ key: null, label: "Mostly False", description: "Duplicate-looking label gets its own key", color: "#fde68a", ratingValue: 2, archived: false });
    // Case-insensitive duplicate labels are refused, so rename it.
    await expect(updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input })).rejects.toThrow(/Two verdicts are labelled/);
    input.verdicts[input.verdicts.length - 1].label = "Pants on fire";
    const result = await updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input });
    expect(result.added).toEqual(["pants-on-fire"]);
    const keys = result.scale.verdicts.map((v) => v.key);
    expect(keys).toEqual([...DEFAULT_SCALE.verdicts.map((v) => v.key)].reverse().concat("pants-on-fire"));
    expect(result.scale.verdicts.find((v) => v.key === "true")).toMatchObject({ label: "Accurate", color: "#a7f3d0", order: 6 });
    // A second verdict with the same slug gets a suffixed key.
    const again = await scaleInput(actors.admin, workspace.id);
    again.verdicts.find((v) => v.key === "pants-on-fire")!.label = "Pants on fire (old)";
    again.verdicts.push({ key: null, label: "Pants on fire", description: "", color: "#fecdd3", ratingValue: 1, archived: false });
    expect((await updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: again })).added).toEqual(["pants-on-fire-2"]);
  });

  it("refuses colours below WCAG AA, ratings outside the scale and unknown keys, saying what to do", async () => {
    const { workspace, actors } = await createWorkspaceWithMembers();
    const input = await scaleInput(actors.admin, workspace.id);
    const dark = { ...input, verdicts: input.verdicts.map((v, i) => (i === 4 ? { ...v, color: "#b91c1c" } : v)) };
    await expect(updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: dark })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      message: expect.stringMatching(/“False”: text on #b91c1c has a contrast of \d\.\d\d:1; WCAG AA needs at least 4\.5:1\. Choose a lighter colour\./),
    });
    const outOfRange = { ...input, verdicts: input.verdicts.map((v, i) => (i === 0 ? { ...v, ratingValue: 9 } : v)) };
    await expect(updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: outOfRange })).rejects.toThrow(/outside the scale 1–5/);
    await expect(updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, worstRating: 5, bestRating: 1 } })).rejects.toThrow(/must be lower than the best rating/);
    await expect(
      updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, verdicts: [{ ...input.verdicts[0], key: "made-up" }] } }),
    ).rejects.toThrow(/no verdict with key “made-up”/);
    await expect(
      updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, verdicts: [{ ...input.verdicts[0], color: "red" }] } }),
    ).rejects.toThrow(/#rrggbb/);
    await expect(
      updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input: { ...input, verdicts: input.verdicts.map((v) => ({ ...v, archived: true })) } }),
    ).rejects.toThrow(/at least one verdict that is not archived/);
    // Nothing was written by the refused attempts.
    expect((await getRatingScaleForEdit({ actor: actors.admin, workspaceId: workspace.id })).verdicts.map((v) => v.color)).toEqual(
      DEFAULT_SCALE.verdicts.map((v) => v.color),
    );
  });

  it("a verdict removed from the list is archived when claims use it and deleted when not", async () => {
    const { workspace, actors, users } = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: workspace.id, createdById: users.editor.id });
    await db.claim.create({
      data: { articleId: article.id, exact: "Russia", start: 0, end: 6, statement: "Russia", verdictKey: "misleading", createdById: users.editor.id, updatedById: users.editor.id },
    });
    const input = await scaleInput(actors.admin, workspace.id);
    input.verdicts = input.verdicts.filter((v) => v.key !== "misleading" && v.key !== "unproven");
    const result = await updateRatingScale({ actor: actors.admin, workspaceId: workspace.id, input });
    expect(result.archivedInsteadOfDeleted).toEqual(["misleading"]);
    expect(result.deleted).toEqual(["unproven"]);
    const after = await getRatingScaleForEdit({ actor: actors.admin, workspaceId: workspace.id });
    expect(after.verdicts.map((v) => v.key)).not.toContain("unproven");
    expect(after.verdicts.find((v) => v.key === "misleading")).toMatchObject({ archived: true, claimCount: 1 });
    const audit = await db.auditEvent.findFirst({ where: { workspaceId: workspace.id, action: "scale.update" } });
    expect(JSON.parse(audit!.before!).verdicts).toHaveLength(7);
    expect(JSON.parse(audit!.after!).verdicts).toHaveLength(6);
  });
});

describe("bootstrapUser (CLI system operation)", () => {
  it("creates the first admin with a new workspace and default scale, and adds later users to it", async () => {
    const slug = `boot-${Date.now().toString(36)}`;
    const first = await bootstrapUser({ email: `root-${slug}@example.test`, name: "Root", workspaceSlug: slug, role: "EDITOR" });
    expect(first).toMatchObject({ workspaceCreated: true, userCreated: true, role: "ADMIN" });
    await expect(authenticateWithPassword(first.email, first.generatedPassword!, ip())).resolves.toMatchObject({ id: first.userId });
    const ws = await db.workspace.findUniqueOrThrow({ where: { slug }, include: { ratingScale: { include: { verdicts: true } } } });
    expect(ws.ratingScale?.verdicts).toHaveLength(DEFAULT_SCALE.verdicts.length);
    const second = await bootstrapUser({ email: `ed-${slug}@example.test`, name: "Ed", workspaceSlug: slug, role: "EDITOR", password: "given-password-1" });
    expect(second).toMatchObject({ workspaceCreated: false, role: "EDITOR", generatedPassword: null });
    await expect(bootstrapUser({ email: first.email, name: "Root", workspaceSlug: slug, role: "READER" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(bootstrapUser({ email: "x@example.test", name: "X", workspaceSlug: "Bad Slug", role: "READER" })).rejects.toThrow(/lowercase letters/);
  });
});
