import { cookies } from "next/headers";
import { cache } from "react";
import { getSessionActor } from "@/lib/auth/session";
import { listMyWorkspaces, type MyWorkspace } from "@/lib/server/workspaces/list-my-workspaces";

export const WORKSPACE_COOKIE = "factmark-workspace";

/** The signed-in user's workspaces, read once per request (the layout and getCurrentWorkspace). */
export const getMyWorkspaces = cache(async (): Promise<MyWorkspace[]> => {
  const actor = await getSessionActor();
  return actor ? listMyWorkspaces({ actor }) : [];
});

/**
 * The workspace the signed-in user is working in (server components and actions):
 * the one remembered in a cookie if they still belong to it, else their first. Null when
 * signed out or not a member of any workspace.
 */
export const getCurrentWorkspace = cache(async (): Promise<MyWorkspace | null> => {
  const mine = await getMyWorkspaces();
  const remembered = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  return mine.find((w) => w.id === remembered) ?? mine[0] ?? null;
});
