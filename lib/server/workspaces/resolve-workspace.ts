import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { requireActor } from "@/lib/server/access";
import { listMyWorkspaces, type MyWorkspace } from "./list-my-workspaces";

/**
 * The workspace a request works in: the one named (id or slug) if the actor belongs to it,
 * otherwise their first. Naming a workspace they do not belong to is NOT_FOUND.
 */
export async function resolveWorkspace({
  actor: maybeActor,
  workspace,
}: {
  actor: MaybeActor;
  workspace?: string | null;
}): Promise<MyWorkspace> {
  const actor = requireActor(maybeActor);
  const mine = await listMyWorkspaces({ actor });
  if (workspace) {
    const match = mine.find((w) => w.id === workspace || w.slug === workspace);
    if (!match) throw notFound("Workspace");
    return match;
  }
  if (mine.length === 0) throw new AppError("FORBIDDEN", "You are not a member of any workspace yet. Ask an admin to add you.");
  return mine[0];
}
