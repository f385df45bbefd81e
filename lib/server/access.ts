import "server-only";
import type { Tx } from "@/lib/db";
import type { MaybeActor, Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Role } from "@/lib/schemas/enums";

// Access rules shared by every service. Visibility goes into the Prisma `where`, so a row the
// actor may not see is simply not found (404, never 403: existence does not leak).

export function requireActor(actor: MaybeActor): Actor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return actor;
}

/** Workspaces the actor belongs to. */
export function memberOf(actor: Actor, roles?: readonly Role[]) {
  // Only active memberships of active accounts count: a member deactivated in one workspace keeps the others.
  return { memberships: { some: { userId: actor.userId, active: true, user: { active: true }, ...(roles ? { role: { in: [...roles] } } : {}) } } };
}

/**
 * Articles the actor may read: editors and admins see every live article of their workspaces;
 * readers see published ones only.
 */
export function readableArticleWhere(actor: Actor) {
  return {
    deletedAt: null,
    OR: [
      { workspace: memberOf(actor, ["ADMIN", "EDITOR"]) },
      { status: "PUBLISHED", workspace: memberOf(actor) },
    ],
  };
}

/** readableArticleWhere for a live article already loaded with the actor's role (null: not a member). */
export function roleReadsArticle(role: Role | null, articleStatus: string): role is Role {
  return role === "ADMIN" || role === "EDITOR" || (role !== null && articleStatus === "PUBLISHED");
}

/** Articles the actor may change (editors and admins of the workspace). */
export function editableArticleWhere(actor: Actor) {
  return { deletedAt: null, workspace: memberOf(actor, ["ADMIN", "EDITOR"]) };
}

/**
 * The actor's membership of a workspace. Not a member: NOT_FOUND. A member without one of
 * `roles`: FORBIDDEN (they already know the workspace exists).
 */
export async function requireMembership(tx: Tx, actor: Actor, workspaceId: string, roles?: readonly Role[]) {
  const membership = await tx.membership.findFirst({
    where: { userId: actor.userId, workspaceId, active: true, user: { active: true } },
  });
  if (!membership) throw notFound("Workspace");
  if (roles && !roles.includes(membership.role as Role)) {
    throw forbidden(
      roles.includes("EDITOR")
        ? "Only editors and admins of this workspace can do that."
        : "Only admins of this workspace can do that.",
    );
  }
  return { ...membership, role: membership.role as Role };
}
