import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { isAdmin } from "@/lib/schemas/enums";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";

/**
 * The signed-in admin and the current workspace for /admin pages. Anyone who is not an admin of
 * the current workspace gets the 404 page: the services check again on every read and write.
 */
export async function requireAdminWorkspace(path: string) {
  const actor = await requireSessionActor(path);
  const workspace = await getCurrentWorkspace();
  if (!workspace || !isAdmin(workspace.role)) notFound();
  return { actor, workspace };
}
