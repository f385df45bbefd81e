import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/schemas/enums";

export interface MyWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  /** BCP 47 locale every date in the workspace is written in. */
  locale: string;
}

export async function listMyWorkspaces({ actor }: { actor: Actor }): Promise<MyWorkspace[]> {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, active: true },
    include: { workspace: true },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, slug: m.workspace.slug, role: m.role as Role, locale: m.workspace.locale }));
}
