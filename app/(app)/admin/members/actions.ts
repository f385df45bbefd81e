"use server";

import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import type { CreateUserInput, InviteUserInput } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { inviteUser } from "@/lib/server/invitations/invite-user";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";
import { removeMember } from "@/lib/server/members/remove-member";
import { setMemberRole } from "@/lib/server/members/set-member-role";
import { createUser } from "@/lib/server/users/create-user";
import { deactivateUser } from "@/lib/server/users/deactivate-user";
import { reactivateUser } from "@/lib/server/users/reactivate-user";
import { runAction } from "../action-result";

// Thin: each action calls one service, which checks that the caller administers the workspace.
async function done<T>(fn: () => Promise<T>) {
  const result = await runAction(fn);
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function addUserAction(workspaceId: string, input: CreateUserInput) {
  return done(async () => createUser({ actor: await getSessionActor(), workspaceId, input }));
}

export async function inviteUserAction(workspaceId: string, input: InviteUserInput) {
  return done(async () => inviteUser({ actor: await getSessionActor(), workspaceId, input }));
}

export async function revokeInvitationAction(workspaceId: string, invitationId: string) {
  return done(async () => revokeInvitation({ actor: await getSessionActor(), workspaceId, invitationId }));
}

export async function setMemberRoleAction(workspaceId: string, userId: string, role: Role) {
  return done(async () => setMemberRole({ actor: await getSessionActor(), workspaceId, userId, role }));
}

export async function removeMemberAction(workspaceId: string, userId: string) {
  return done(async () => removeMember({ actor: await getSessionActor(), workspaceId, userId }));
}

export async function setUserActiveAction(workspaceId: string, userId: string, active: boolean) {
  return done(async () => {
    const actor = await getSessionActor();
    return active ? reactivateUser({ actor, workspaceId, userId }) : deactivateUser({ actor, workspaceId, userId });
  });
}
