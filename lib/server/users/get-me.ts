import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import type { Me } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { listMyWorkspaces } from "@/lib/server/workspaces/list-my-workspaces";

/** The caller and the workspaces they belong to, with their role in each. */
export async function getMe({ actor: maybeActor }: { actor: MaybeActor }): Promise<Me> {
  const actor = requireActor(maybeActor);
  const workspaces = await listMyWorkspaces({ actor });
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, isSuperAdmin: actor.isSuperAdmin },
    workspaces,
  };
}
