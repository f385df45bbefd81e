"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { answerMyInvitation } from "@/lib/server/invitations/my-invitations";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";
import { revalidatePath } from "next/cache";
import { runAction } from "./admin/action-result";
import { WORKSPACE_COOKIE } from "@/lib/auth/current-workspace";

/** Switches the current workspace (remembered in a cookie) after checking membership. */
export async function switchWorkspace(workspaceId: string) {
  const actor = await requireSessionActor();
  const workspace = await resolveWorkspace({ actor, workspace: workspaceId });
  (await cookies()).set(WORKSPACE_COOKIE, workspace.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  redirect("/articles");
}

/** The signed-in user accepts or declines an invitation addressed to their account. */
export async function answerInvitationAction(invitationId: string, accept: boolean) {
  const result = await runAction(async () => answerMyInvitation({ actor: await requireSessionActor(), invitationId, accept }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
