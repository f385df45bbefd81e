import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Member } from "@/lib/schemas/admin";
import type { Role } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";

/** Members of a workspace with their role and account status (admins only). */
export async function listMembers({ actor: maybeActor, workspaceId }: { actor: MaybeActor; workspaceId: string }): Promise<Member[]> {
  const actor = requireActor(maybeActor);
  await requireMembership(db, actor, workspaceId, ["ADMIN"]);
  const rows = await db.membership.findMany({
    where: { workspaceId },
    include: { user: { select: { id: true, name: true, email: true, active: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  return rows.map((m) => ({
    userId: m.user.id,
    membershipId: m.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role as Role,
    active: m.active && m.user.active,
    accountActive: m.user.active,
    joinedAt: m.createdAt.toISOString(),
  }));
}
