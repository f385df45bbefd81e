import { cookies } from "next/headers";
import { cache } from "react";
import { getSessionActor } from "@/lib/auth/session";
import { listMyWorkspaces, type MyWorkspace } from "@/lib/server/workspaces/list-my-workspaces";

export const WORKSPACE_COOKIE = "factmark-workspace";

/**
 * The workspace the signed-in user is working in (server components and actions):
 * the one remembered in a cookie if they still belong to it, else their first. Null when
 * signed out or not a member of any workspace.
 */
export const getCurrentWorkspace = cache(async (): Promise<MyWorkspace | null> => {
  const actor = await getSessionActor();
  if (!actor) return null;
  const mine = await listMyWorkspaces({ actor });
  const remembered = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  return mine.find((w) => w.id === remembered) ?? mine[0] ?? null;
});
